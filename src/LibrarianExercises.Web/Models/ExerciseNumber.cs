using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LibrarianExercises.Web.Models;

/// <summary>
/// An exercise's number as an address, a query or a form gives it: a plain positive whole number from 1 to
/// <see cref="Highest"/>, written with one to five ASCII digits ("89", or "00089"), never "+89", "8 9", " 89" or "٨٩".
/// The pages, the API, the rate limiter and the search all read numbers by this one rule; what is stored stays an
/// <see cref="int"/>.
/// </summary>
public readonly record struct ExerciseNumber : ISpanParsable<ExerciseNumber>
{
    public const int Highest = 99_999;

    private const int MostDigits = 5;

    private ExerciseNumber(int value) => Value = value;

    public int Value { get; }

    public static implicit operator int(ExerciseNumber number) => number.Value;

    public static bool TryParse([NotNullWhen(true)] string? text, out ExerciseNumber number) => TryParse(text.AsSpan(), out number);

    public static bool TryParse(ReadOnlySpan<char> text, out ExerciseNumber number)
    {
        number = default;
        if (text.Length is < 1 or > MostDigits || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value is < 1 or > Highest)
        {
            return false;
        }

        number = new ExerciseNumber(value);
        return true;
    }

    /// <summary>The number in ASCII digits without leading zeros, whatever the culture: "89".</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    // The rule is the same in every culture: the format provider is not read.
    static bool IParsable<ExerciseNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ExerciseNumber result) =>
        TryParse(s, out result);

    static bool ISpanParsable<ExerciseNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ExerciseNumber result) =>
        TryParse(s, out result);

    static ExerciseNumber IParsable<ExerciseNumber>.Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    static ExerciseNumber ISpanParsable<ExerciseNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    private static ExerciseNumber Parse(ReadOnlySpan<char> text) => TryParse(text, out var number)
        ? number
        : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"An exercise number is a whole number from 1 to {Highest}, written in plain digits."));
}
