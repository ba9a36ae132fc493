using System.Text.Encodings.Web;
using LibrarianExercises.Web.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// The strategy's wording (its title, summary, source note, directions and initiatives) in the reader's language where
/// StrategyText translates it, and otherwise as the data holds it, in English, marked <c>lang="en"</c> so that screen
/// readers and hyphenation treat it as English. A translation is keyed by the English text, so an initiative name an
/// editor has corrected since is shown as the editor wrote it: the editor's word wins over a translation of the old one.
/// </summary>
public sealed class StrategyNames(IStringLocalizer<StrategyText> translations)
{
    /// <summary>The text as markup: isolated, and marked English when no translation is at hand.</summary>
    public IHtmlContent Html(string? english)
    {
        var encoded = HtmlEncoder.Default.Encode(english ?? "");
        return TryTranslate(english) is { } translated
            ? new HtmlString($"<bdi>{HtmlEncoder.Default.Encode(translated)}</bdi>")
            : new HtmlString(SiteLanguages.Current.IsDefault ? $"<bdi>{encoded}</bdi>" : $"<bdi lang=\"en\">{encoded}</bdi>");
    }

    /// <summary>The text as plain text (a page title, a feed), translated where a translation is at hand.</summary>
    public string Text(string? english) => TryTranslate(english) ?? english ?? "";

    /// <summary>Whether the text shows in the reader's language (else it shows in English).</summary>
    public bool IsTranslated(string? english) => TryTranslate(english) is not null;

    private string? TryTranslate(string? english)
    {
        if (string.IsNullOrEmpty(english) || SiteLanguages.Current.IsDefault)
        {
            return null;
        }

        var found = translations[english];
        return found.ResourceNotFound ? null : found.Value;
    }
}
