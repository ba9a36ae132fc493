using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Resources;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Tests.Languages;

/// <summary>
/// The strategy's names show in the reader's language where IFLA's translation is at hand, and in English, marked
/// lang="en", where it is not. The site ships none of IFLA's translations yet, so the test supplies one.
/// </summary>
public sealed class StrategyNameTests : IClassFixture<LibrarianAppFactory>
{
    private const string English = "Support virtual networking and connections";
    private const string French = "Soutenir le réseautage virtuel et les connexions";
    private readonly WebApplicationFactory<Program> _app;

    public StrategyNameTests(LibrarianAppFactory app) =>
        _app = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStringLocalizer<StrategyText>>(new FrenchOnly(new Dictionary<string, string> { [English] = French }))));

    [Fact]
    public async Task ATranslatedNameShowsInTheReadersLanguageAndAnotherInEnglishMarkedSo()
    {
        using var client = _app.CreateClient();
        var french = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/fr/strategy/3.2", UriKind.Relative)));
        var arabic = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/ar/strategy/3.2", UriKind.Relative)));
        var english = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/strategy/3.2", UriKind.Relative)));

        var frenchName = french.QuerySelector(".initiative-name bdi")!;
        Assert.Equal(French, frenchName.TextContent);
        Assert.False(frenchName.HasAttribute("lang"));
        Assert.Contains(French, french.Title, StringComparison.Ordinal);

        var arabicName = arabic.QuerySelector(".initiative-name bdi")!;
        Assert.Equal(English, arabicName.TextContent);
        Assert.Equal("en", arabicName.GetAttribute("lang"));

        // The direction has no French here: English, marked, beside the translated initiative.
        Assert.Equal("en", french.QuerySelector(".initiative-direction bdi")!.GetAttribute("lang"));
        Assert.Equal(English, english.QuerySelector(".initiative-name bdi")!.TextContent);
    }

    [Fact]
    public async Task WithoutAnyTranslationEveryNameIsEnglishAndMarked()
    {
        using var client = _app.CreateClient();
        var page = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/de/strategy", UriKind.Relative)));

        var names = page.QuerySelectorAll(".initiative-name bdi, .strategy-direction h2 bdi");
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Equal("en", name.GetAttribute("lang")));
    }

    private sealed class FrenchOnly(Dictionary<string, string> names) : IStringLocalizer<StrategyText>
    {
        public LocalizedString this[string name] =>
            System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" && names.TryGetValue(name, out var value)
                ? new LocalizedString(name, value)
                : new LocalizedString(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
