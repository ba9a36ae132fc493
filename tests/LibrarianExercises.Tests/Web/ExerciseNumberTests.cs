using System.Globalization;
using LibrarianExercises.Web.Models;

namespace LibrarianExercises.Tests.Web;

public sealed class ExerciseNumberTests
{
    [Theory]
    [InlineData("89", 89)]
    [InlineData("00089", 89)]
    [InlineData("1", 1)]
    [InlineData("01", 1)]
    [InlineData("99999", 99_999)]
    [InlineData("10000", 10_000)]
    public void PlainDigitsFromOneToTheHighestAreNumbers(string text, int value)
    {
        Assert.True(ExerciseNumber.TryParse(text, out var number));
        Assert.Equal(value, number.Value);
        Assert.True(ExerciseNumber.TryParse(text.AsSpan(), out var fromSpan));
        Assert.Equal(number, fromSpan);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("00000")]
    [InlineData("100000")]
    [InlineData("000089")]
    [InlineData("2147483648")]
    [InlineData("+89")]
    [InlineData("-89")]
    [InlineData("8 9")]
    [InlineData(" 89")]
    [InlineData("89 ")]
    [InlineData("#89")]
    [InlineData("89.0")]
    [InlineData("0x59")]
    [InlineData("٨٩")]
    [InlineData("۸۹")]
    [InlineData("８９")]
    public void AnythingElseIsRefused(string? text)
    {
        Assert.False(ExerciseNumber.TryParse(text, out var number));
        Assert.Equal(default(ExerciseNumber), number);
        Assert.False(ExerciseNumber.TryParse(text.AsSpan(), out _));
    }

    [Fact]
    public void TheHighestNumberHasFiveDigits()
    {
        Assert.Equal(99_999, ExerciseNumber.Highest);
        Assert.True(ExerciseNumber.TryParse(ExerciseNumber.Highest.ToString(CultureInfo.InvariantCulture), out _));
        Assert.False(ExerciseNumber.TryParse((ExerciseNumber.Highest + 1).ToString(CultureInfo.InvariantCulture), out _));
    }

    [Theory]
    [InlineData("89", "89")]
    [InlineData("00089", "89")]
    [InlineData("99999", "99999")]
    public void ANumberIsWrittenInPlainDigitsWithoutLeadingZeros(string text, string written)
    {
        Assert.True(ExerciseNumber.TryParse(text, out var number));

        Assert.Equal(written, number.ToString());
        Assert.True(ExerciseNumber.TryParse(number.ToString(), out var again));
        Assert.Equal(number, again);
    }

    [Theory]
    [InlineData("ar-EG")]
    [InlineData("fa-IR")]
    [InlineData("de-DE")]
    [InlineData("zh-CN")]
    public void TheRuleAndTheWritingAreTheSameInEveryCulture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.True(ExerciseNumber.TryParse("12345", out var number));
            Assert.Equal("12345", number.ToString());
            Assert.Equal("12345", $"{number}");
            Assert.False(ExerciseNumber.TryParse("١٢٣٤٥", out _));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ANumberIsItsValueWhereAnIntIsWanted()
    {
        Assert.True(ExerciseNumber.TryParse("89", out var number));

        int value = number;

        Assert.Equal(89, value);
    }

    [Fact]
    public void ParsingThroughTheParsableInterfacesKeepsTheRule()
    {
        Assert.Equal(89, ParseAs<ExerciseNumber>("00089").Value);
        Assert.Equal(89, ParseSpanAs<ExerciseNumber>("89").Value);
        Assert.Throws<FormatException>(() => ParseAs<ExerciseNumber>("+89"));
        Assert.Throws<FormatException>(() => ParseSpanAs<ExerciseNumber>("٨٩"));
        Assert.Throws<ArgumentNullException>(() => ParseAs<ExerciseNumber>(null!));
        Assert.True(TryParseAs<ExerciseNumber>("89", out var number));
        Assert.Equal(89, number.Value);
        Assert.False(TryParseAs<ExerciseNumber>("100000", out _));
    }

    private static T ParseAs<T>(string text) where T : IParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    private static T ParseSpanAs<T>(string text) where T : ISpanParsable<T> => T.Parse(text.AsSpan(), CultureInfo.InvariantCulture);

    private static bool TryParseAs<T>(string? text, out T result) where T : IParsable<T> => T.TryParse(text, CultureInfo.InvariantCulture, out result!);
}
