using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LibrarianExercises.Web.Services.Markdown;

/// <summary>
/// The one path by which visitors' text becomes HTML. A minimal pipeline (no raw HTML, no generic attributes,
/// no extensions), and every link checked on the parsed document by <see cref="MarkdownSafety"/>; the links that
/// survive carry <c>rel="nofollow ugc noopener"</c>, since a visitor's link is no recommendation of ours.
/// </summary>
public sealed class ResponseMarkdownRenderer
{
    /// <summary>
    /// The version of what this renderer makes of a text. Raise it with any change that changes the HTML of the same
    /// text (the pipeline, the link rules, the mention links): every stored rendering is then made again at start-up.
    /// </summary>
    public const int Version = 1;

    private const string LinkRel = "nofollow ugc noopener";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return MarkdownSafety.ToHtml(markdown, _pipeline, LinkRel);
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
}
