using System.Net;
using System.Text.RegularExpressions;
using LibrarianExercises.Web.Services.Importing;
using Markdig;

namespace LibrarianExercises.Tests.Importing;

public partial class MarkdownTextTests
{
    // The exercise pipeline's settings (ExerciseMarkdownRenderer).
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    [Theory]
    [InlineData("Use *this* and **that**, not * that *.")]
    [InlineData("snake_case_names and _underlined_ words and __strong__ ones")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("![a picture](picture.png) and [a link][ref]")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<b>bold</b> and <!-- a comment -->")]
    [InlineData("`code` and ``more code``")]
    [InlineData("```")]
    [InlineData("~~~ not a code fence")]
    [InlineData("~~~")]
    [InlineData("1. Not a list")]
    [InlineData("2) Nor this")]
    [InlineData("1986. A good year for libraries.")]
    [InlineData("1.")]
    [InlineData("- Not a list item")]
    [InlineData("+ Nor this")]
    [InlineData("* Nor this")]
    [InlineData("---")]
    [InlineData("***")]
    [InlineData("___")]
    [InlineData("===")]
    [InlineData("# Not a heading")]
    [InlineData("### Nor this")]
    [InlineData("#10MinuteInternationalLibrarian is the tag to follow")]
    [InlineData("> Not a quote")]
    [InlineData("&amp; stays &amp;, &#35; stays &#35; and &copy; stays &copy;")]
    [InlineData("A backslash \\ and an escaped star \\* and one at the end \\")]
    [InlineData("Libraries & archives: 100% <3")]
    public void RendersTextThatLooksLikeMarkdownAsThatLiteralText(string line)
    {
        var html = Markdig.Markdown.ToHtml(MarkdownText.Escape(line), Pipeline);

        Assert.All(HtmlTag().Matches(html), tag => Assert.Equal("p", tag.Groups["name"].Value));
        Assert.Equal(line, WebUtility.HtmlDecode(HtmlTag().Replace(html, "")).TrimEnd('\n'));
    }

    [Theory]
    [InlineData("As in Exercise #38, think about who you could ask.")]
    [InlineData("Use the #10MinuteInternationalLibrarian tag.")]
    public void LeavesAHashInsideALineAsItIsSoMentionsStayOneLiteral(string line)
    {
        Assert.Equal(line, MarkdownText.Escape(line));
    }

    [Theory]
    [InlineData("IFLA’s “Ideas Store” – look at it (again)… 100 ideas!")]
    [InlineData("So for our 42nd 10-Minute International Librarian exercise, assess your community’s needs.")]
    [InlineData("")]
    public void LeavesPlainTextAsItIs(string line)
    {
        Assert.Equal(line, MarkdownText.Escape(line));
    }

    [GeneratedRegex("</?(?<name>[a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex HtmlTag();
}
