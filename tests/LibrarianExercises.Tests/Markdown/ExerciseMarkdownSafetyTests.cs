using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LibrarianExercises.Web.Services.Markdown;

namespace LibrarianExercises.Tests.Markdown;

/// <summary>
/// Editors will type exercise text straight into the browser, so it is held to the same link rules as visitors'
/// responses rather than relying on the importer having escaped it.
/// </summary>
public sealed class ExerciseMarkdownSafetyTests
{
    private static readonly HtmlParser Parser = new();

    // Nested blocks defeat the parser itself; nested emphasis only the writing of HTML.
    private static readonly string[] BlockNesting =
    [
        new string('>', 5_000) + " deep",
        string.Concat(Enumerable.Repeat("* ", 5_000)) + "x",
        string.Concat(Enumerable.Repeat("> * ", 2_500)) + "x",
    ];

    private static readonly string[] EmphasisNesting =
    [
        new string('*', 5_000) + "x" + new string('*', 5_000),
        new string('_', 5_000) + "x" + new string('_', 5_000),
    ];

    private readonly ExerciseMarkdownRenderer _renderer = new();

    public static TheoryData<string, string> RefusedLinks => new()
    {
        { "[click here](javascript:alert(1))", "click here" },
        { "[click here](JaVaScRiPt:alert(1))", "click here" },
        { "[click here]( javascript:alert(1))", "click here" },
        { "[click here](%6Aavascript:alert(1))", "click here" },
        { "<javascript:alert(1)>", "javascript:alert(1)" },
        { "[click here][r]\n\n[r]: javascript:alert(1)", "click here" },
        { "[r]\n\n[r]: javascript:alert(1)", "r" },
        { "[click here](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "click here" },
        { "[click here][d]\n\n[d]: data:text/html,<script>alert(1)</script>", "click here" },
        { "[click here](vbscript:msgbox(1))", "click here" },
        { "![a picture](javascript:alert(1))", "a picture" },
        { "[click here](/account/delete)", "click here" },
        { "[click here](//evil.example/)", "click here" },
        { "[](javascript:alert(1))", "javascript:alert(1)" },
    };

    [Theory]
    [MemberData(nameof(RefusedLinks))]
    public void ARefusedLinkBecomesItsWordsOnceAsPlainText(string markdown, string words)
    {
        var body = Render(markdown);

        AssertNothingExecutable(body);
        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal(words, Assert.Single(body.QuerySelectorAll("p")).TextContent);
    }

    [Theory]
    [InlineData("[the report](https://library.example/report)", "the report", "https://library.example/report")]
    [InlineData("[the report](http://library.example/report)", "the report", "http://library.example/report")]
    [InlineData("[the report](https://library.example/report \"Our report\")", "the report", "https://library.example/report")]
    [InlineData("[the report](https://library.example/report){onclick=alert(1)}", "the report", "https://library.example/report")]
    [InlineData("[the report][r]\n\n[r]: https://library.example/report", "the report", "https://library.example/report")]
    [InlineData("[write to us](mailto:librarian@library.example)", "write to us", "mailto:librarian@library.example")]
    [InlineData("<https://library.example/report>", "https://library.example/report", "https://library.example/report")]
    [InlineData("<librarian@library.example>", "librarian@library.example", "mailto:librarian@library.example")]
    [InlineData("See https://library.example/report today", "https://library.example/report", "https://library.example/report")]
    public void AnAllowedLinkKeepsItsAddressAndOpensWithoutAHandleOnThisPage(string markdown, string words, string href)
    {
        var body = Render(markdown);

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(words, link.TextContent);
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
        Assert.Equal(["href", "rel"], link.Attributes.Select(a => a.Name).Order());
    }

    [Theory]
    [InlineData("![a poster](http://tracker.example/pixel.png)", "a poster", "http://tracker.example/pixel.png")]
    [InlineData("![a poster](https://tracker.example/pixel.png \"A poster\")", "a poster", "https://tracker.example/pixel.png")]
    [InlineData("![](https://tracker.example/pixel.png)", "https://tracker.example/pixel.png", "https://tracker.example/pixel.png")]
    public void AnImageIsOfferedAsALinkRatherThanLoaded(string markdown, string words, string href)
    {
        var body = Render(markdown);

        Assert.Empty(body.QuerySelectorAll("img"));
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(words, link.TextContent);
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public void AnImageInsideALinkBecomesItsWordsSoThatNoLinkSitsInsideAnother()
    {
        var body = Render("[![a poster](https://tracker.example/pixel.png)](https://library.example/)");

        Assert.Empty(body.QuerySelectorAll("img"));
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("https://library.example/", link.GetAttribute("href"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
        Assert.Equal("a poster", link.TextContent);
    }

    [Fact]
    public void AMentionStillLinksToTheExerciseNextToARefusedLink()
    {
        var body = Render("See [this](javascript:alert(1)) and Exercise #38, or <vbscript:msgbox(1)>.");

        AssertNothingExecutable(body);
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("Exercise #38", link.TextContent);
        Assert.Equal("/exercises/38", link.GetAttribute("href"));
        Assert.Equal("See this and Exercise #38, or vbscript:msgbox(1).", Assert.Single(body.QuerySelectorAll("p")).TextContent);
    }

    [Fact]
    public void AMentionWithinAnEditorsLinkStaysPartOfThatLink()
    {
        var body = Render("[*Exercise #38* and more](https://library.example/)");

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("https://library.example/", link.GetAttribute("href"));
        Assert.Equal("Exercise #38 and more", link.TextContent);
    }

    public static TheoryData<string> PathologicalBlockNesting => new(BlockNesting);

    public static TheoryData<string> PathologicalNesting => new([.. BlockNesting, .. EmphasisNesting]);

    [Theory]
    [MemberData(nameof(PathologicalNesting))]
    public void PathologicalNestingIsShownAsPlainParagraphsWithoutThrowing(string nesting)
    {
        var markdown = "About Exercise #38 and <script>alert(1)</script>.\n\n" + nesting;

        var body = Render(markdown);

        AssertNothingExecutable(body);
        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal(["p", "p"], body.Children.Select(e => e.LocalName));
        Assert.Equal("About Exercise #38 and <script>alert(1)</script>.", body.Children[0].TextContent);
        Assert.Equal(nesting, body.Children[1].TextContent);
    }

    [Theory]
    [MemberData(nameof(PathologicalBlockNesting))]
    public void TheFirstParagraphOfPathologicalNestingIsItsPlainText(string nesting)
    {
        Assert.Equal(nesting, _renderer.FirstParagraphText(nesting + "\n\nThe second paragraph."));
    }

    private IElement Render(string markdown) =>
        Parser.ParseDocument("<!DOCTYPE html><html><body>" + _renderer.ToHtml(markdown, n => n == 38 ? "/exercises/38" : null)).Body!;

    private static void AssertNothingExecutable(IElement body)
    {
        Assert.Empty(body.QuerySelectorAll("script, img, iframe, object, embed, svg, style"));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            var href = element.GetAttribute("href")?.Trim();
            if (href is not null)
            {
                Assert.False(
                    href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase),
                    $"<{element.LocalName} href=\"{href}\">");
            }
        }
    }
}
