using System.Net;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LibrarianExercises.Web.Services.Markdown;

/// <summary>
/// The one path by which visitors' text becomes HTML. A minimal pipeline (no raw HTML, no generic attributes,
/// no extensions), and every link checked on the parsed document: only http, https and mailto survive, each with
/// <c>rel="nofollow ugc noopener"</c>; images are never loaded from elsewhere, they become links.
/// </summary>
public sealed class ResponseMarkdownRenderer
{
    private const string LinkRel = "nofollow ugc noopener";
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            var document = Markdig.Markdown.Parse(markdown, _pipeline);
            MakeLinksSafe(document);
            return document.ToHtml(_pipeline);
        }
#pragma warning disable CA1031 // Whatever defeats the parser, one response must not take the exercise page down.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Pathological nesting can defeat the parser; the words still deserve to be shown, as plain text.
            return PlainText(markdown);
        }
    }

    /// <summary>How many links the text holds, written as Markdown or as bare addresses (for the spam rules).</summary>
    public int CountLinks(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var bareAddresses = markdown.Split((char[])[' ', '\n', '\r', '\t', '(', ')', '<', '>', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase));
        try
        {
            var document = Markdig.Markdown.Parse(markdown, _pipeline);
            var links = document.Descendants<LinkInline>().Count() + document.Descendants<AutolinkInline>().Count();
            return Math.Max(links, bareAddresses);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return bareAddresses;
        }
    }

    private static void MakeLinksSafe(MarkdownDocument document)
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
            link.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                continue;
            }

            autolink.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
        }
    }

    private static void ReplaceWithText(LinkInline link)
    {
        var text = TextOf(link);
        link.ReplaceBy(new LiteralInline(text.Length > 0 ? text : link.Url ?? ""), copyChildren: false);
    }

    private static string TextOf(LinkInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static bool IsInsideLink(Inline inline)
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

    private static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Only absolute addresses with a known scheme: relative ones would point into this site under a visitor's words.
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            && url.Trim().StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);
    }

    private static string PlainText(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</p>\n"));
}
