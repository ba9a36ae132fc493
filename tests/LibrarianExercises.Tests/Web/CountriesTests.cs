using System.Globalization;
using LibrarianExercises.Web.Services.Responses;

namespace LibrarianExercises.Tests.Web;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("en", "China", "Germany", "Côte d’Ivoire")]
    [InlineData("fr", "Chine", "Allemagne", "Côte d’Ivoire")]
    [InlineData("de", "China", "Deutschland", "Côte d’Ivoire")]
    [InlineData("ru", "Китай", "Германия", "Кот-д’Ивуар")]
    [InlineData("zh", "中国", "德国", "科特迪瓦")]
    [InlineData("ar", "الصين", "ألمانيا", "ساحل العاج")]
    public void CountriesAreNamedInTheReadersLanguage(string language, string china, string germany, string ivoryCoast)
    {
        using var _ = new UiCulture(language);
        var countries = new Countries();

        Assert.Equal(china, countries.NameOf("CN"));
        Assert.Equal(ivoryCoast, countries.NameOf("CI"));
        Assert.Contains(countries.All(), c => c.Code == "DE" && c.Name == germany);
    }

    [Fact]
    public void TheServersOwnLanguagePlaysNoPart()
    {
        var countries = new Countries();
        using (new UiCulture("en"))
        {
            Assert.Equal("Germany", countries.NameOf("DE"));
        }

        using (new UiCulture("zh"))
        {
            Assert.Equal("德国", countries.NameOf("DE"));
        }

        using (new UiCulture("en"))
        {
            // Cached per language: the Chinese name asked for in between does not leak into the English list.
            Assert.Equal("Germany", countries.NameOf("DE"));
            Assert.Contains(countries.All(), c => c is { Code: "DE", Name: "Germany" });
        }
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("ru")]
    public void TheListIsInTheLanguagesOwnOrder(string language)
    {
        using var _ = new UiCulture(language);
        var names = new Countries().All().Select(c => c.Name).ToList();
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(language), ignoreCase: true);

        Assert.Equal(names.Order(comparer), names);
        // Not code order, not ordinal order: "Åland" and "Émirats" sort among the A and E, not after Z.
        Assert.NotEqual(names.Order(StringComparer.Ordinal), names);
    }

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }
}
