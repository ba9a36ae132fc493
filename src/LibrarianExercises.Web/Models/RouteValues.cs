using System.Globalization;

namespace LibrarianExercises.Web.Models;

/// <summary>
/// The rules route and query values other than exercise numbers (<see cref="ExerciseNumber"/>) are read by: a list's
/// page, a key initiative's code and a strategic direction's number.
/// </summary>
internal static class RouteValues
{
    /// <summary>Absent means the first page; anything but a positive whole number is malformed.</summary>
    public static bool TryParsePage(string? text, out int page)
    {
        page = 1;
        return text is null
            || (text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1);
    }

    /// <summary>
    /// An initiative code is a direction number and an initiative number, such as "3.2". Leading zeros are
    /// dropped ("03.2" is 3.2) so that <paramref name="code"/> is the stored form.
    /// </summary>
    public static bool TryParseInitiativeCode(string? text, out string code)
    {
        code = "";
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot < 0
            || !TryParseSmallNumber(text[..dot], out var direction)
            || !TryParseSmallNumber(text[(dot + 1)..], out var initiative))
        {
            return false;
        }

        code = string.Create(CultureInfo.InvariantCulture, $"{direction}.{initiative}");
        return true;
    }

    /// <summary>Strategic directions are numbered with one or two plain digits.</summary>
    public static bool TryParseDirectionNumber(string? text, out int number) => TryParseSmallNumber(text, out number);

    private static bool TryParseSmallNumber(string? text, out int number)
    {
        number = 0;
        return text is { Length: > 0 and <= 2 }
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
