using System.Text.Encodings.Web;
using LibrarianExercises.Web.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// The strategy's names in the reader's language where IFLA published them in it (StrategyText), and otherwise in
/// English, marked <c>lang="en"</c> so that screen readers and hyphenation treat them as English.
/// </summary>
public sealed class StrategyNames(IStringLocalizer<StrategyText> translations)
{
    /// <summary>The name as markup: isolated, and marked English when no translation is at hand.</summary>
    public IHtmlContent Html(string? english)
    {
        var encoded = HtmlEncoder.Default.Encode(english ?? "");
        return TryTranslate(english) is { } translated
            ? new HtmlString($"<bdi>{HtmlEncoder.Default.Encode(translated)}</bdi>")
            : new HtmlString(SiteLanguages.Current.IsDefault ? $"<bdi>{encoded}</bdi>" : $"<bdi lang=\"en\">{encoded}</bdi>");
    }

    /// <summary>The name as plain text (a page title, a feed), translated where IFLA's wording is at hand.</summary>
    public string Text(string? english) => TryTranslate(english) ?? english ?? "";

    /// <summary>Whether the name shows in the reader's language (else it shows in English).</summary>
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
