using System.Globalization;
using LibrarianExercises.Web.Services;

namespace LibrarianExercises.Tests.Web;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("zh-CN")]
    public void CountriesAreNamedInEnglishWhateverTheServersLanguage(string uiCulture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(uiCulture);
        try
        {
            var countries = new Countries();

            Assert.Equal("China", countries.NameOf("CN"));
            Assert.Equal("Nigeria", countries.NameOf("NG"));
            Assert.Contains(countries.All(), c => c is { Code: "DE", Name: "Germany" });
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
