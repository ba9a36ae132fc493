using System.Net;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LibrarianExercises.Web.Services.Markdown;

/// <summary>
/// The link rules for any text a person types, whoever they are: kept in one place so that editors' text and
/// visitors' responses cannot drift apart. Links are checked on the parsed document rather than on the text,
/// because Markdown has too many ways of writing an address (references, autolinks, entities, escapes).
/// </summary>
internal static class MarkdownSafety
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <param name="markdown">The text as typed.</param>
    /// <param name="pipeline">A pipeline with raw HTML disabled and no generic attributes.</param>
    /// <param name="linkRel">The <c>rel</c> every surviving link carries.</param>
    /// <param name="afterLinksAreSafe">
    /// Links the app adds itself, which may be relative to this site and so would not pass the checks.
    /// </param>
    public static string ToHtml(string markdown, MarkdownPipeline pipeline, string linkRel, Action<MarkdownDocument>? afterLinksAreSafe = null)
    {
        try
        {
            var document = Markdig.Markdown.Parse(markdown, pipeline);
            MakeLinksSafe(document, linkRel);
            afterLinksAreSafe?.Invoke(document);
            return document.ToHtml(pipeline);
        }
#pragma warning disable CA1031 // Whatever defeats the parser, one text must not take the page it sits on down.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Pathological nesting can defeat the parser; the words still deserve to be shown, as plain text.
            return PlainTextHtml(markdown);
        }
    }

    /// <summary>The text's paragraphs as typed, for when Markdown cannot be made of it.</summary>
    public static IEnumerable<string> PlainParagraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

    public static bool IsInsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    private static void MakeLinksSafe(MarkdownDocument document, string linkRel)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsAllowed(link.Url))
            {
                ReplaceWithText(link);
                continue;
            }

            if (link.IsImage)
            {
                // An image from another site would tell that site who reads the page: offer it as a link instead,
                // or as its words alone when it already sits inside a link (a link within a link is not HTML).
                var words = TextOf(link);
                if (IsInsideLink(link))
                {
                    link.ReplaceBy(new LiteralInline(words.Length > 0 ? words : link.Url ?? ""), copyChildren: false);
                    continue;
                }

                link.IsImage = false;
                while (link.FirstChild is { } child)
                {
                    child.Remove();
                }

                link.AppendChild(new LiteralInline(words.Length > 0 ? words : link.Url ?? ""));
            }

            link.Title = null;
            link.GetAttributes().AddPropertyIfNotExist("rel", linkRel);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                continue;
            }

            autolink.GetAttributes().AddPropertyIfNotExist("rel", linkRel);
        }
    }

    private static void ReplaceWithText(LinkInline link)
    {
        var text = TextOf(link);
        link.ReplaceBy(new LiteralInline(text.Length > 0 ? text : link.Url ?? ""), copyChildren: false);
    }

    private static string TextOf(LinkInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Only absolute addresses with a known scheme: relative ones would point into this site under someone's words.
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            && url.Trim().StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);
    }

    private static string PlainTextHtml(string text) =>
        string.Concat(PlainParagraphs(text)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</p>\n"));
}
