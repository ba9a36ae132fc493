using System.Globalization;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Tests.Languages;

/// <summary>The interface's text is looked up in the resource files once per language and key, and is the same text.</summary>
public sealed class CachedTextTests
{
    [Fact]
    public void TheSiteUsesTheCachingFactory()
    {
        using var app = new LibrarianAppFactory();
        Assert.IsType<CachedTextFactory>(app.Services.GetRequiredService<IStringLocalizerFactory>());
    }

    [Fact]
    public void EachLanguageGetsItsOwnTextAsTheResourceFilesHaveIt()
    {
        using var app = new LibrarianAppFactory();
        var resources = app.Services.GetRequiredService<ResourceManagerStringLocalizerFactory>().Create(typeof(SiteText));
        var cached = app.Services.GetRequiredService<IStringLocalizer<SiteText>>();

        foreach (var language in new[] { "en", "fr", "ar", "zh" })
        {
            using var scope = new CultureSwitch(language);
            for (var pass = 0; pass < 2; pass++)
            {
                Assert.Equal(resources["Share your response"].Value, cached["Share your response"].Value);
                Assert.Equal(resources["{0} on {1}", "Ana", "Monday"].Value, cached["{0} on {1}", "Ana", "Monday"].Value);
            }
        }

        using (new CultureSwitch("fr"))
        {
            Assert.NotEqual("Share your response", cached["Share your response"].Value);
        }

        Assert.True(cached["No such key in any file"].ResourceNotFound);
    }

    [Fact]
    public void AStringIsReadFromTheResourcesOncePerLanguage()
    {
        var counting = new CountingLocalizer();
        var text = new CachedText(counting);

        using (new CultureSwitch("fr"))
        {
            _ = text["Home"];
            _ = text["Home"];
            _ = text["Page {0} of {1}", 1, 2];
            _ = text["Page {0} of {1}", 2, 2];
        }

        using (new CultureSwitch("ar"))
        {
            _ = text["Home"];
        }

        Assert.Equal(["fr:Home", "fr:Page {0} of {1}", "ar:Home"], counting.Lookups);
    }

    private sealed class CountingLocalizer : IStringLocalizer
    {
        public List<string> Lookups { get; } = [];

        public LocalizedString this[string name]
        {
            get
            {
                Lookups.Add($"{CultureInfo.CurrentUICulture.Name}:{name}");
                return new LocalizedString(name, name + " (" + CultureInfo.CurrentUICulture.Name + ")");
            }
        }

        public LocalizedString this[string name, params object[] arguments] => throw new InvalidOperationException("Formatting is the cache's.");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private sealed class CultureSwitch : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureSwitch(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
