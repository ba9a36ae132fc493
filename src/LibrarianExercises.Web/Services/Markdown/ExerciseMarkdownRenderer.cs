using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LibrarianExercises.Web.Services.Markdown;

/// <summary>
/// Renders exercise text. Editors type it in the browser, and imported text is someone else's words, so it is held to
/// the same rules as visitors' responses (<see cref="MarkdownSafety"/>): no raw HTML, no generic attributes, only
/// absolute http, https and mailto links. Mentions of other exercises ("Exercise #38", "our 13th exercise") become
/// links when that exercise exists.
/// </summary>
public sealed partial class ExerciseMarkdownRenderer
{
    // Editors' links are recommendations of ours, unlike visitors' (no nofollow), but still get no handle on this page.
    /// <summary>
    /// The version of what this renderer makes of a text. Raise it with any change that changes the HTML of the same
    /// text (the pipeline, the link rules, the mention links): every stored rendering is then made again at start-up.
    /// </summary>
    public const int Version = 1;

    private const string LinkRel = "noopener";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    /// <summary>The numbers of the exercises the text mentions, to look up in one query before rendering.</summary>
    public IReadOnlySet<int> MentionedNumbers(string markdown)
    {
        var numbers = new HashSet<int>();
        foreach (Match match in ExerciseMention().Matches(markdown))
        {
            if (TryNumber(match, out var number))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    /// <param name="markdown">The exercise text.</param>
    /// <param name="linkForExercise">The address of a mentioned exercise, or null to leave the mention as text.</param>
    public string ToHtml(string markdown, Func<int, string?> linkForExercise)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(linkForExercise);
        // Asked before rendering, where a failing lookup would be mistaken for text that defeats the parser.
        var addresses = MentionedNumbers(markdown).ToDictionary(n => n, linkForExercise);
        return MarkdownSafety.ToHtml(markdown, _pipeline, LinkRel, document =>
        {
            // A paragraph's own inline root is not among the document's descendants, so collect it explicitly.
            var containers = document.Descendants<LeafBlock>()
                .Where(leaf => leaf.Inline is not null)
                .SelectMany(leaf => leaf.Inline!.Descendants<ContainerInline>().Prepend(leaf.Inline!))
                .ToList();
            foreach (var container in containers)
            {
                LinkMentions(container, addresses);
            }
        });
    }

    /// <summary>The first paragraph as plain text, for lists.</summary>
    public string FirstParagraphText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            return FirstParagraphOf(Markdig.Markdown.Parse(markdown, _pipeline));
        }
#pragma warning disable CA1031 // Whatever defeats the parser, one exercise must not take a list of them down.
        catch (Exception)
#pragma warning restore CA1031
        {
            return MarkdownSafety.PlainParagraphs(markdown).FirstOrDefault()?.Replace('\n', ' ').Trim() ?? "";
        }
    }

    private static string FirstParagraphOf(MarkdownDocument document)
    {
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var inline in paragraph.Inline.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>
    /// Markdig splits text into several literals (at characters that might start a link, for instance), so runs
    /// of adjacent literals are joined before looking for mentions. Words inside a link stay as they are, since a
    /// link within a link is not HTML.
    /// </summary>
    private static void LinkMentions(ContainerInline container, Dictionary<int, string?> addresses)
    {
        if (container is LinkInline || MarkdownSafety.IsInsideLink(container))
        {
            return;
        }

        var child = container.FirstChild;
        while (child is not null)
        {
            if (child is not LiteralInline first)
            {
                child = child.NextSibling;
                continue;
            }

            var run = new List<LiteralInline> { first };
            while (run[^1].NextSibling is LiteralInline next)
            {
                run.Add(next);
            }

            child = run[^1].NextSibling;
            var text = string.Concat(run.Select(l => l.Content.ToString()));
            var replacement = SplitAtMentions(text, addresses);
            if (replacement is null)
            {
                continue;
            }

            foreach (var inline in replacement)
            {
                run[0].InsertBefore(inline);
            }

            foreach (var literal in run)
            {
                literal.Remove();
            }
        }
    }

    private static List<Inline>? SplitAtMentions(string text, Dictionary<int, string?> addresses)
    {
        List<Inline>? parts = null;
        var position = 0;
        foreach (Match match in ExerciseMention().Matches(text))
        {
            if (!TryNumber(match, out var number) || addresses.GetValueOrDefault(number) is not { } url)
            {
                continue;
            }

            parts ??= [];
            if (match.Index > position)
            {
                parts.Add(new LiteralInline(text[position..match.Index]));
            }

            var link = new LinkInline(url, "");
            link.AppendChild(new LiteralInline(match.Value));
            parts.Add(link);
            position = match.Index + match.Length;
        }

        if (parts is not null && position < text.Length)
        {
            parts.Add(new LiteralInline(text[position..]));
        }

        return parts;
    }

    private static bool TryNumber(Match match, out int number) =>
        int.TryParse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture, out number);

    // "Exercise #38", "exercise 38", "10-Minute International Librarian #38", "our 13th exercise",
    // "our 13th 10-Minute International Librarian exercise".
    [GeneratedRegex(@"\b(?:exercise\s*#?\s*(?<number>\d{1,5})\b|10\s*[-\u2010-\u2015]?\s*Minute\s+International\s+Librarian\s*#\s*(?<number>\d{1,5})\b|our\s+(?<number>\d{1,5})(?:st|nd|rd|th)\s+(?:10\s*[-\u2010-\u2015]?\s*Minute\s+International\s+Librarian\s+)?exercise\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExerciseMention();
}
