using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Languages;

namespace LibrarianExercises.Tests.Languages;

/// <summary>
/// Every language's file has every key of the English one and no other, with the same placeholders; a plural text
/// has exactly the forms the language's CLDR rules distinguish.
/// </summary>
public sealed partial class ResourceFileTests
{
    public static TheoryData<string> Translations => [.. SiteLanguages.All.Where(l => !l.IsDefault).Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryKeyOfTheEnglishFileIsTranslatedAndNoOther(string language)
    {
        var english = Strings(CultureInfo.InvariantCulture);
        var translated = Strings(CultureInfo.GetCultureInfo(language));

        var plainEnglish = english.Keys.Where(k => !IsPluralForm(k)).ToHashSet();
        var plainTranslated = translated.Keys.Where(k => !IsPluralForm(k)).ToHashSet();
        Assert.Empty(plainEnglish.Except(plainTranslated).Select(k => "missing: " + k));
        Assert.Empty(plainTranslated.Except(plainEnglish).Select(k => "extra: " + k));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryPlaceholderMatches(string language)
    {
        var english = Strings(CultureInfo.InvariantCulture);
        var translated = Strings(CultureInfo.GetCultureInfo(language));

        var mismatched = english.Keys.Where(k => !IsPluralForm(k) && translated.ContainsKey(k))
            .Where(k => !Placeholders(english[k]).SetEquals(Placeholders(translated[k])))
            .Select(k => $"{k} → {translated[k]}");
        Assert.Empty(mismatched);
    }

    [Theory]
    [InlineData("en")]
    [MemberData(nameof(Translations))]
    public void EveryPluralTextHasExactlyTheLanguagesForms(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var english = Strings(CultureInfo.InvariantCulture);
        var strings = Strings(culture);
        var families = english.Keys.Where(IsPluralForm).Select(Family).ToHashSet();
        var forms = PluralText.FormsOf(CultureInfo.GetCultureInfo(language)).ToHashSet();

        foreach (var family in families)
        {
            var present = strings.Keys.Where(k => IsPluralForm(k) && Family(k) == family).Select(k => k[(family.Length + 1)..]).ToHashSet();
            Assert.True(forms.SetEquals(present), $"{language}: “{family}” has the forms {string.Join(", ", present)}; the language has {string.Join(", ", forms)}.");
            foreach (var form in present)
            {
                // A form may leave the count out ("one exercise"), but never name a value the family does not pass.
                var extra = Placeholders(strings[family + PluralText.FormSeparator + form]).Except(Placeholders(family)).ToList();
                Assert.True(extra.Count == 0, $"{language}: “{family}|{form}” uses {string.Join(", ", extra)}.");
            }
        }

        Assert.Empty(strings.Keys.Where(k => IsPluralForm(k) && !families.Contains(Family(k))).Select(k => "extra plural: " + k));
    }

    [Fact]
    public void TheFilesCoverIflasSevenLanguagesAndArabicIsRightToLeft()
    {
        Assert.Equal(["en", "ar", "zh", "fr", "de", "ru", "es"], SiteLanguages.All.Select(l => l.Code));
        Assert.All(SiteLanguages.All.Where(l => !l.IsDefault), l => Assert.NotEmpty(Strings(l.Culture)));
        Assert.Equal(["ar"], SiteLanguages.All.Where(l => l.IsRightToLeft).Select(l => l.Code));
    }

    [Theory]
    [InlineData(typeof(SiteText))]
    [InlineData(typeof(StrategyText))]
    public void ArabicTextQuotesWithGuillemetsNotEnglishQuotationMarks(Type resource)
    {
        var arabic = Strings(CultureInfo.GetCultureInfo("ar"), resource);

        Assert.NotEmpty(arabic);
        Assert.Empty(arabic.Where(s => s.Value.IndexOfAny(['“', '”', '„', '"']) >= 0).Select(s => $"{s.Key} → {s.Value}"));
    }

    [Theory]
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 1, "one")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 5, "few")]
    [InlineData("ar", 11, "many")]
    [InlineData("ar", 100, "other")]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 3, "few")]
    [InlineData("ru", 5, "many")]
    [InlineData("ru", 21, "one")]
    [InlineData("fr", 0, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("zh", 1, "other")]
    public void CountsTakeTheirLanguagesPluralForm(string language, long count, string form) =>
        Assert.Equal(form, PluralText.FormOf(CultureInfo.GetCultureInfo(language), count));

    private static bool IsPluralForm(string key) => key.Contains(PluralText.FormSeparator, StringComparison.Ordinal);

    private static string Family(string key) => key[..key.LastIndexOf(PluralText.FormSeparator)];

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    /// <summary>The strings of one culture's file alone (no fallback to English), as the built satellite assembly has them.</summary>
    private static Dictionary<string, string> Strings(CultureInfo culture, Type? resource = null)
    {
        resource ??= typeof(SiteText);
        var manager = new ResourceManager(resource.FullName!, resource.Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No resource file for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
