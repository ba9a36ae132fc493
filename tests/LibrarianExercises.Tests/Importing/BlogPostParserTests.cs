using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Importing;

namespace LibrarianExercises.Tests.Importing;

public class BlogPostParserTests
{
    private const string Nbsp = "\u00A0";

    private const string StrategyLine32 = "This idea relates to the IFLA Strategy! Key Initiative 3.2: Support virtual networking and connections";

    private const string Footer =
        "As we publish more ideas, you will be able to view these using the #10MinuteInternationalLibrarian tag on this blog, and of course on IFLA’s Ideas Store! Do also share your ideas in the comments box below!";

    // ---- The seed listing -------------------------------------------------------------------------------------

    [Fact]
    public void ReadsTheThreePostsOfTheSeedListingInOrder()
    {
        var document = BlogPostParser.Parse(StartingContent.ReadText(StartingContent.SeedListing));

        Assert.Equal([89, 42, 21], document.Posts.Select(p => p.Number));
        Assert.Equal(
            ["Make a connection", "Assess your community’s needs", "Identify a non-user and think how to engage them"],
            document.Posts.Select(p => p.Title));
        Assert.Empty(document.Skipped);
        Assert.All(document.Posts, p => Assert.Empty(p.Warnings));
        Assert.All(document.Posts, p => Assert.False(p.IsExcerpt));
    }

    [Fact]
    public void GivesTheSeedPostsTheTopicalTagOfItsHeading()
    {
        var document = BlogPostParser.Parse(StartingContent.ReadText(StartingContent.SeedListing));

        Assert.Equal(new ArchiveHeading(ArchiveKind.Tag, "community engagement"), document.Heading);
        Assert.Equal("community engagement", document.TopicalTag);
    }

    [Theory]
    [InlineData(89, "3.2", "Key Initiative 3.2: Support virtual networking and connections", "Support virtual networking and connections")]
    [InlineData(42, "3.3", "3.3 Empower the field at the national and regional levels.", "Empower the field at the national and regional levels")]
    [InlineData(21, "1.1", "1.1 Show the power of libraries in achieving the Sustainable Development Goals", "Show the power of libraries in achieving the Sustainable Development Goals")]
    public void ReadsTheStrategyCodeOfEachSeedPostAndKeepsItsRawLabel(int number, string code, string label, string name)
    {
        var post = BlogPostParser.Parse(StartingContent.ReadText(StartingContent.SeedListing)).Posts.Single(p => p.Number == number);

        Assert.Equal(new ParsedStrategyLine(code, label, name), post.Strategy);
    }

    [Fact]
    public void KeepsGoodLuckButNotTheFooterOrStrategyLineInTheSeedBodies()
    {
        var posts = BlogPostParser.Parse(StartingContent.ReadText(StartingContent.SeedListing)).Posts;

        Assert.All(posts, p =>
        {
            Assert.Equal("Good luck!", Paragraphs(p)[^1]);
            Assert.DoesNotContain("As we publish more ideas", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("You can view all of our ideas", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("IFLA Strategy", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("Ideas Store", p.BodyMarkdown, StringComparison.Ordinal);
        });
        Assert.Equal("Libraries are already strongly characterised by collaboration.", Paragraphs(posts[0])[0]);
        Assert.Equal(11, Paragraphs(posts[0]).Length);
    }

    [Fact]
    public void KeepsCurlyQuotesAndEnDashesOfTheSeed()
    {
        var posts = BlogPostParser.Parse(StartingContent.ReadText(StartingContent.SeedListing)).Posts;

        Assert.Contains("Which ones could cooperate, but aren’t doing so at the moment?", Paragraphs(posts[0]));
        Assert.Contains("So for our 42nd 10-Minute International Librarian exercise, assess your community’s needs.", Paragraphs(posts[1]));
        Assert.Contains("Yet it is rare – if not impossible – to be able to reach everyone. What is important is to try and reach further.", Paragraphs(posts[2]));
        Assert.All(posts, p => Assert.Null(p.PublishedOn));
    }

    // ---- Title line --------------------------------------------------------------------------------------------

    [Fact]
    public void ReadsATitleWithoutTheLeadingThe()
    {
        var post = Single(Post(
            "10-Minute International Librarian #57: Find out what your national library association is doing",
            "So for our 57th 10-Minute International Librarian exercise, find out what your national library association is doing."));

        Assert.Equal(57, post.Number);
        Assert.Equal("Find out what your national library association is doing", post.Title);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void ReadsATitleWithACommaInsteadOfAColon()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #95, think how your library could support the climate",
            "So for our 95th 10-Minute International Librarian exercise, think how your library could support the climate."));

        Assert.Equal(95, post.Number);
        Assert.Equal("think how your library could support the climate", post.Title);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void ReadsTheNumberFromThePivotSentenceWhenTheTitleNamesAnotherSeries()
    {
        var post = Single(Post(
            "The 10-Minute Library Advocate #91: Celebrate a library champion",
            "So for our 91st 10-Minute International Librarian exercise, celebrate a library champion."));

        Assert.Equal(91, post.Number);
        Assert.Equal("Celebrate a library champion", post.Title);
        Assert.Contains(post.Warnings, w => w.Contains("another series", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Write A Letter To A Decision-Maker")]
    [InlineData("Write a letter to a decision-maker")]
    [InlineData("write a letter to a decision-maker")]
    public void KeepsTheTaskInTheCaseTheTitlePrintedIt(string task)
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #17: " + task,
            "So for our 17th 10-Minute International Librarian exercise, write a letter to a decision-maker."));

        Assert.Equal(task, post.Title);
    }

    [Theory]
    [InlineData(8, "(Re)read the IFLA-UNESCO Public Library Manifesto", "So for our 8th 10-Minute International Librarian exercise, (re)read the Manifesto.")]
    [InlineData(64, "Think of a success… and share it!", "So for our 64th 10-Minute International Librarian exercise, think of a success… and share it!")]
    [InlineData(49, "Find, and sign up to, a library blog", "So for our 49th 10-Minute International Librarian exercise, find, and sign up to, a library blog.")]
    public void KeepsPunctuationInsideTheTask(int number, string task, string pivot)
    {
        var post = Single(Post($"The 10-Minute International Librarian #{number}: {task}", pivot));

        Assert.Equal(number, post.Number);
        Assert.Equal(task, post.Title);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void TakesTheTitleFromThePivotSentenceWhenThereIsNoTitleLine()
    {
        var post = Single(Post(
            title: null,
            "So for our 49th 10-Minute International Librarian exercise, find, and sign up to, a library blog."));

        Assert.Equal(49, post.Number);
        Assert.Equal("Find, and sign up to, a library blog", post.Title);
        Assert.Contains(post.Warnings, w => w.Contains("no title line", StringComparison.Ordinal));
        Assert.Equal("Library workers around the world face many of the same questions, even if the answers differ from place to place.", Paragraphs(post)[0]);
    }

    [Fact]
    public void TakesOnlyThePivotSentenceAsTheTitleWhenMoreFollowsInItsParagraph()
    {
        var post = Single(Post(
            title: null,
            "So for our 49th 10-Minute International Librarian exercise, find a library blog to follow. There are many to choose from!"));

        Assert.Equal("Find a library blog to follow", post.Title);
    }

    // ---- Pivot sentence ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("So for our 12th 10-Minute International Librarian, look up your library’s history.", 12, "Look up your library’s history")]
    [InlineData("So for our 13th 10-Minute International Librarian Exercise, look up your library’s history.", 13, "Look up your library’s history")]
    [InlineData("For our 49th 10-Minute International Librarian exercise, look up your library’s history.", 49, "Look up your library’s history")]
    [InlineData("So for our 50th 10 Minute International Librarian exercise, look up your library’s history.", 50, "Look up your library’s history")]
    [InlineData("So for our 54th 10-Minute international Librarian exercise, look up your library’s history.", 54, "Look up your library’s history")]
    [InlineData("So  for our  55th 10-Minute  International Librarian exercise,  look up your library’s history.", 55, "Look up your library’s history")]
    [InlineData("So for our 32nd – and our last of 2020 – 10-Minute International Librarian exercise, look back on your year.", 32, "Look back on your year")]
    [InlineData("So for our 100th and final 10-Minute International Librarian exercise, look back on all you have done.", 100, "Look back on all you have done")]
    [InlineData("So for our 1st 10-Minute International Librarian exercise, look up your library’s history.", 1, "Look up your library’s history")]
    [InlineData("So for our 2nd 10-Minute International Librarian exercise, look up your library’s history.", 2, "Look up your library’s history")]
    [InlineData("So for our 23rd 10-Minute International Librarian exercise, look up your library’s history.", 23, "Look up your library’s history")]
    [InlineData("So for our 11th 10-Minute International Librarian exercise, look up your library’s history.", 11, "Look up your library’s history")]
    public void ReadsTheNumberAndTaskFromEveryFormOfThePivotSentence(string pivot, int number, string title)
    {
        var post = Single(Post(title: null, pivot));

        Assert.Equal(number, post.Number);
        Assert.Equal(title, post.Title);
        Assert.Contains(pivot, Paragraphs(post));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n\n")]
    public void ReadsThePivotSentenceThatAgreesWithTheTitleWhenAnEarlierExerciseIsRecalledTheSameWay(string between)
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #80: Look back on your year",
            "Last year, for our 32nd 10-Minute International Librarian exercise, we asked you to look back on 2020."
            + between
            + "So for our 80th 10-Minute International Librarian exercise, look back on your year."));

        Assert.Equal(80, post.Number);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void PrefersThePivotNumberWhenTheTitleNumberDisagrees()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #75: Map the libraries in your area",
            "So for our 76th 10-Minute International Librarian exercise, map the libraries in your area."));

        Assert.Equal(76, post.Number);
        Assert.Equal("Map the libraries in your area", post.Title);
        Assert.Contains(post.Warnings, w => w.Contains("#75", StringComparison.Ordinal) && w.Contains("#76", StringComparison.Ordinal));
    }

    // ---- Strategy line -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Strategic Direction 3, Key Initiative 2: Support virtual networking and connections", "3.2", "Support virtual networking and connections")]
    [InlineData("3.3 Empower the field at the national and regional levels.", "3.3", "Empower the field at the national and regional levels")]
    [InlineData("3.2: Support virtual networking and connections.", "3.2", "Support virtual networking and connections")]
    [InlineData("Key Initiative 3.2: Support virtual networking and connections", "3.2", "Support virtual networking and connections")]
    [InlineData("Key Initiative 4.2 Effectively mobilise our human resources and networks.", "4.2", "Effectively mobilise our human resources and networks")]
    [InlineData("Key Initiative 2.1 :Produce, communicate and distribute … the profession .", "2.1", "Produce, communicate and distribute … the profession")]
    public void ReadsTheInitiativeFromEveryFormOfTheStrategyLine(string label, string code, string name)
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #30: Share a resource",
            "So for our 30th 10-Minute International Librarian exercise, share a resource.",
            "This idea relates to the IFLA Strategy!" + Nbsp + label));

        Assert.Equal(new ParsedStrategyLine(code, label, name), post.Strategy);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void IgnoresTrailingSpacesAfterTheStrategyLine()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #30: Share a resource",
            "So for our 30th 10-Minute International Librarian exercise, share a resource.",
            StrategyLine32 + "  " + Nbsp + "\t"));

        Assert.Equal(
            new ParsedStrategyLine("3.2", "Key Initiative 3.2: Support virtual networking and connections", "Support virtual networking and connections"),
            post.Strategy);
    }

    [Theory]
    [InlineData("This idea relates to the IFLA Strategy! Key Initiative 1.3: Work with library associations and libraries to identify key legal and funding\nchallenges to their work, and advocate for action.")]
    [InlineData("This idea relates to the IFLA Strategy!\nKey Initiative 1.3: Work with library associations and libraries to identify key legal and funding challenges to their work, and advocate for action.")]
    public void JoinsAStrategyLineBrokenOverTwoLines(string strategyLine)
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #44: Find out what stops your library doing more",
            "So for our 44th 10-Minute International Librarian exercise, find out what stops your library doing more.",
            strategyLine));

        Assert.Equal(
            new ParsedStrategyLine(
                "1.3",
                "Key Initiative 1.3: Work with library associations and libraries to identify key legal and funding challenges to their work, and advocate for action.",
                "Work with library associations and libraries to identify key legal and funding challenges to their work, and advocate for action"),
            post.Strategy);
        Assert.DoesNotContain("challenges to their work", post.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAndLinksNoInitiativeWhenTheStrategyLineHasNoCode()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #30: Share a resource",
            "So for our 30th 10-Minute International Librarian exercise, share a resource.",
            "This idea relates to the IFLA Strategy! Support virtual networking and connections"));

        Assert.Null(post.Strategy);
        Assert.Contains(post.Warnings, w => w.Contains("no initiative code", StringComparison.Ordinal));
        Assert.Equal("Good luck!", Paragraphs(post)[^1]);
    }

    [Fact]
    public void ReadsAStrategyLabelOnItsOwn()
    {
        Assert.Equal(
            new ParsedStrategyLine("4.3", "Key Initiative 4.3 – Increase, diversify and engage our membership", "Increase, diversify and engage our membership"),
            BlogPostParser.ParseStrategyLabel("Key Initiative 4.3 – Increase, diversify and engage our membership"));
        Assert.Null(BlogPostParser.ParseStrategyLabel("Increase, diversify and engage our membership"));
    }

    // ---- Listing pages -----------------------------------------------------------------------------------------

    [Fact]
    public void ReadsWholePostsThatFollowEachOtherWithoutASeparator()
    {
        var document = BlogPostParser.Parse(
            "Tag Archives: advocacy\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.").Trim()
            + "\n"
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number.").Trim());

        Assert.Equal([61, 60], document.Posts.Select(p => p.Number));
        Assert.Equal("advocacy", document.TopicalTag);
        Assert.All(document.Posts, p =>
        {
            Assert.Empty(p.Warnings);
            Assert.Equal(7, Paragraphs(p).Length);
            Assert.Equal("3.2", p.Strategy?.Code);
        });
    }

    [Fact]
    public void ReadsAListingWithoutAHeading()
    {
        var document = BlogPostParser.Parse(
            Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number."));

        Assert.Null(document.Heading);
        Assert.Null(document.TopicalTag);
        Assert.Equal([61, 60], document.Posts.Select(p => p.Number));
        Assert.Equal(["Tell a story", "Find a number"], document.Posts.Select(p => p.Title));
    }

    [Theory]
    [InlineData("Monthly Archives: May 2021", ArchiveKind.Month, "May 2021")]
    [InlineData("Author Archives: Stephen Wyber", ArchiveKind.Author, "Stephen Wyber")]
    [InlineData("Category Archives: Libraries and Development", ArchiveKind.Category, "Libraries and Development")]
    public void ReadsArchiveHeadingsThatGiveNoTopicalTag(string headingLine, ArchiveKind kind, string value)
    {
        var document = BlogPostParser.Parse(
            headingLine + "\n\n"
            + Post("The 10-Minute International Librarian #52: Join a webinar", "So for our 52nd 10-Minute International Librarian exercise, join a webinar.")
            + Post("The 10-Minute International Librarian #51: Follow a library on social media", "So for our 51st 10-Minute International Librarian exercise, follow a library on social media."));

        Assert.Equal(new ArchiveHeading(kind, value), document.Heading);
        Assert.Null(document.TopicalTag);
        Assert.Equal([52, 51], document.Posts.Select(p => p.Number));
        Assert.DoesNotContain(document.Posts, p => p.BodyMarkdown.Contains(value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\n", "The ")]
    [InlineData("", "The ")]
    [InlineData("", "")]
    public void EndsAPostCutOffMidWordAtTheNextTitle(string between, string the)
    {
        var text = $"""
            Monthly Archives: May 2021

            The 10-Minute International Librarian #53: Share a resource with a colleague abroad

            Library workers produce an enormous range of useful materials – guides, templates, training plans.

            Yet too often these stay within a single institution.

            So for our 53rd 10-Minute International Librarian exercise, share a resource with a colleague abroad.

            Which of your own resources could be useful elsewhere? Who could you send it to?

            Let us know what you shared in the comm{between}{the}10-Minute International Librarian #42: Assess your community’s needs

            Libraries and library workers have a fundamental mission to meet the needs of the communities they serve.

            So for our 42nd 10-Minute International Librarian exercise, assess your community’s needs.

            Let us know what needs you have identified in your communities in the comments box below.

            Good luck!

            {Nbsp}

            This idea relates to the IFLA Strategy! 3.3 Empower the field at the national and regional levels.

            {Footer}
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal([53, 42], document.Posts.Select(p => p.Number));
        var cut = document.Posts[0];
        Assert.Equal("Let us know what you shared in the comm", Paragraphs(cut)[^1]);
        Assert.Null(cut.Strategy);
        Assert.Contains(cut.Warnings, w => w.Contains("cut off", StringComparison.Ordinal));
        Assert.Contains(cut.Warnings, w => w.Contains("mid-sentence", StringComparison.Ordinal));
        var next = document.Posts[1];
        Assert.Equal("Assess your community’s needs", next.Title);
        Assert.Equal("Libraries and library workers have a fundamental mission to meet the needs of the communities they serve.", Paragraphs(next)[0]);
        Assert.Equal("3.3", next.Strategy?.Code);
        Assert.Empty(next.Warnings);
    }

    [Fact]
    public void ReadsExcerptsFromTheOlderLayout()
    {
        const string text = """
            Tag Archive for '#10MinuteInternationalLibrarian'

            Page 2 of 14

            The 10-Minute International Librarian #60: Find out about a library in another country

            Libraries around the world face many of the same challenges, but respond in very different ways. Learning about how others work can […]

            Read full post…

            The 10-Minute International Librarian #59: (Re)read your library’s mission statement

            Every library has a reason for being – but how often do we stop and think about it? Mission statements can feel [...]

            Read full post...

            The 10-Minute Library Advocate #6: Find a statistic that tells your story

            Advocacy works best when it is grounded in evidence, and a single striking number can open a conversation […]

            Read full post…
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal(new ArchiveHeading(ArchiveKind.Tag, "#10MinuteInternationalLibrarian"), document.Heading);
        Assert.Null(document.TopicalTag);
        Assert.Equal("The 10-Minute Library Advocate #6: Find a statistic that tells your story", Assert.Single(document.Skipped).Title);
        Assert.Equal([60, 59], document.Posts.Select(p => p.Number));
        Assert.Equal(
            ["Find out about a library in another country", "(Re)read your library’s mission statement"],
            document.Posts.Select(p => p.Title));
        Assert.All(document.Posts, p =>
        {
            Assert.True(p.IsExcerpt);
            Assert.Null(p.Strategy);
            Assert.Single(Paragraphs(p));
            Assert.DoesNotContain("Read full post", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("Page 2", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("[", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.Contains(p.Warnings, w => w.Contains("excerpt", StringComparison.Ordinal));
        });
        Assert.StartsWith("Libraries around the world face many of the same challenges", document.Posts[0].BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsEveryExcerptOfAnOlderLayoutTopicalArchiveAndSkipsTheSiblingSeriesAmongThem()
    {
        // Older layout: heading, page counter, then title, one excerpt paragraph ending "[…]" and "Read full post…" for
        // each post. Nothing but the title shows the first two are this series' exercises; the third is a sibling's.
        const string text = """
            Tag Archive for 'advocacy'

            Page 3 of 9

            The 10-Minute International Librarian #60: Find out about a library in another country

            Libraries around the world face many of the same challenges, but respond in very different ways. Learning about how others work can […]

            Read full post…

            The 10-Minute Library Advocate #6: Find a statistic that tells your story

            Advocacy works best when it is grounded in evidence, and a single striking number can open a conversation […]

            Read full post…

            10-Minute International Librarian #28: Write a thank-you note

            Advocacy is not only about asking. It is also about recognising those who have helped [...]

            Read full post...
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal("advocacy", document.TopicalTag);
        Assert.Equal([60, 28], document.Posts.Select(p => p.Number));
        Assert.Equal(["Find out about a library in another country", "Write a thank-you note"], document.Posts.Select(p => p.Title));
        Assert.All(document.Posts, p =>
        {
            Assert.True(p.IsExcerpt);
            Assert.True(p.IsPartial);
            Assert.Single(Paragraphs(p));
            Assert.EndsWith("…", p.BodyMarkdown, StringComparison.Ordinal);
        });
        Assert.Equal(new SkippedPost("The 10-Minute Library Advocate #6: Find a statistic that tells your story", SkippedPost.AnotherSeries), Assert.Single(document.Skipped));
    }

    [Fact]
    public void StillSkipsAnExcerptTitledAsAnotherSeriesWhenItsTextDoesNotShowTheSeries()
    {
        // The mis-titled #91 is recognised by its pivot sentence or strategy line; its excerpt holds neither.
        const string text = """
            Tag Archive for '#10MinuteInternationalLibrarian'

            The 10-Minute Library Advocate #91: Celebrate a library champion

            Every library has its champions – people who speak up for it when it matters. Too often, they go [...]

            Read full post…
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Empty(document.Posts);
        Assert.Equal(SkippedPost.AnotherSeries, Assert.Single(document.Skipped).Reason);
    }

    // ---- What listing pages hold: cut-off copies, sibling series, months, untitled posts, addresses -----------

    [Fact]
    public void CountsAPostCutOffBeforeItsPivotSentenceByItsTitle()
    {
        // Newer layout: the last post of the page is often cut off mid-word, here long before its pivot sentence.
        var text = "Tag Archives: community engagement\n\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + """
            The 10-Minute International Librarian #28: Write a thank-you note

            Advocacy is not only about asking.

            It is also about recognising those who have hel
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal([61, 28], document.Posts.Select(p => p.Number));
        Assert.Empty(document.Skipped);
        var cut = document.Posts[1];
        Assert.Equal("Write a thank-you note", cut.Title);
        Assert.True(cut.IsCutOff);
        Assert.True(cut.IsPartial);
        Assert.Null(cut.Strategy);
        Assert.Equal(["Advocacy is not only about asking.", "It is also about recognising those who have hel"], Paragraphs(cut));
        Assert.Contains(cut.Warnings, w => w.Contains("cut off", StringComparison.Ordinal));
        Assert.Contains(cut.Warnings, w => w.Contains("mid-sentence", StringComparison.Ordinal));
        Assert.False(document.Posts[0].IsPartial);
    }

    [Fact]
    public void CountsATitleOnlyCopyAtTheEndOfAListing()
    {
        var document = BlogPostParser.Parse(
            Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + "The 10-Minute International Librarian #28: Write a thank-you note\n");

        var cut = document.Posts[1];
        Assert.Equal((28, "Write a thank-you note", ""), (cut.Number, cut.Title, cut.BodyMarkdown));
        Assert.True(cut.IsPartial);
    }

    [Fact]
    public void APostCutOffAfterItsStrategyLineIsWholeAndOneCutOffBeforeItIsPartial()
    {
        // The first post is cut off in its footer, after the strategy line: all of the exercise is there.
        var text = """
            Monthly Archives: May 2021

            The 10-Minute International Librarian #53: Share a resource with a colleague abroad

            Library workers produce an enormous range of useful materials.

            So for our 53rd 10-Minute International Librarian exercise, share a resource with a colleague abroad.

            Good luck!

            This idea relates to the IFLA Strategy! 3.2: Support virtual networking and connections.

            As we publish more ideas, you will be able to view these using the #10MinuteInter
            The 10-Minute International Librarian #52: Join a webinar

            Webinars bring the world to your desk.

            So for our 52nd 10-Minute International Librarian exercise, join a webinar.

            Which topics matter most to your users? Who is speaking about th
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal([53, 52], document.Posts.Select(p => p.Number));
        var whole = document.Posts[0];
        Assert.False(whole.IsPartial);
        Assert.Equal("3.2", whole.Strategy?.Code);
        Assert.Equal("Good luck!", Paragraphs(whole)[^1]);
        Assert.Empty(whole.Warnings);
        var cut = document.Posts[1];
        Assert.True(cut.IsCutOff);
        Assert.Null(cut.Strategy);
        Assert.Equal("Which topics matter most to your users? Who is speaking about th", Paragraphs(cut)[^1]);
    }

    [Fact]
    public void FindsNothingOfTheSeriesOnAPageOfSiblingSeriesOnly()
    {
        const string text = """
            Tag Archives: advocacy

            The 10-Minute Library Advocate #6: Find a statistic that tells your story

            Advocacy works best when it is grounded in evidence.

            So for our sixth 10-Minute Library Advocate exercise, find a statistic that tells your story.

            Good luck!

            The 10-Minute Digital Librarian #3: Check your library’s website on a phone

            More and more people find their library on a phone.

            Library Stat of the Week #212: Public libraries in Europe welcome millions of visitors every day

            Find out more on IFLA’s Library Map of the World.
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Empty(document.Posts);
        Assert.Equal(3, document.Skipped.Count);
        Assert.All(document.Skipped, s => Assert.Equal(SkippedPost.AnotherSeries, s.Reason));
    }

    [Theory]
    [InlineData("Monthly Archives: May 2021")]
    [InlineData("Archive for May, 2021")]
    [InlineData("Monthly Archive for 'May 2021'")]
    public void GivesEveryPostOfAMonthArchiveItsMonthUnlessItsAddressGivesTheDay(string headingLine)
    {
        var text = headingLine + "\n\n"
            + Post("The 10-Minute International Librarian #53: Share a resource", "So for our 53rd 10-Minute International Librarian exercise, share a resource.")
            + "https://blogs.ifla.org/lpa/2021/05/11/10-minute-international-librarian-52/\n\n"
            + Post("The 10-Minute International Librarian #52: Join a webinar", "So for our 52nd 10-Minute International Librarian exercise, join a webinar.")
            + "The 10-Minute International Librarian #51: Follow a library on social media\n\nSocial media lets libraries spe\n";

        var document = BlogPostParser.Parse(text);

        Assert.Equal(ArchiveKind.Month, document.Heading?.Kind);
        Assert.Equal(
            [(53, new DateOnly(2021, 5, 1), DatePrecision.Month), (52, new DateOnly(2021, 5, 11), DatePrecision.Day), (51, new DateOnly(2021, 5, 1), DatePrecision.Month)],
            document.Posts.Select(p => (p.Number, p.PublishedOn!.Value, p.PublishedOnPrecision)));
        Assert.Equal([null, "https://blogs.ifla.org/lpa/2021/05/11/10-minute-international-librarian-52/", null], document.Posts.Select(p => p.SourceUrl));
    }

    [Fact]
    public void AnArchiveOfAnotherKindGivesNoDate()
    {
        var document = BlogPostParser.Parse(
            "Search Results for: librarian\n\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story."));

        Assert.Equal(new ArchiveHeading(ArchiveKind.Search, "librarian"), document.Heading);
        Assert.Null(document.TopicalTag);
        var post = Assert.Single(document.Posts);
        Assert.Null(post.PublishedOn);
        Assert.DoesNotContain("Search Results", post.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsAnUntitledPostInTheMiddleOfAListing()
    {
        // The second post lost its title line in the copy: nothing but its text separates it from the first.
        var untitled = Post(title: null, "So for our 60th 10-Minute International Librarian exercise, find a number.", "This idea relates to the IFLA Strategy! 1.1 Show the power of libraries in achieving the Sustainable Development Goals");
        var text = "Tag Archives: advocacy\n\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + untitled
            + Post("The 10-Minute International Librarian #59: Read a report", "So for our 59th 10-Minute International Librarian exercise, read a report.");

        var document = BlogPostParser.Parse(text);

        Assert.Equal([61, 60, 59], document.Posts.Select(p => p.Number));
        var middle = document.Posts[1];
        Assert.Equal("Find a number", middle.Title);
        Assert.Equal("1.1", middle.Strategy?.Code);
        Assert.False(middle.IsPartial);
        Assert.Equal("Library workers around the world face many of the same questions, even if the answers differ from place to place.", Paragraphs(middle)[0]);
        Assert.Equal(7, Paragraphs(middle).Length);
        Assert.Contains(middle.Warnings, w => w.Contains("no title line", StringComparison.Ordinal));
        Assert.Equal(7, Paragraphs(document.Posts[0]).Length);
        Assert.Equal("3.2", document.Posts[0].Strategy?.Code);
    }

    [Fact]
    public void ReadsAnUntitledPostBetweenExcerptsWithoutMergingItIntoTheOneAbove()
    {
        const string text = """
            Tag Archive for '#10MinuteInternationalLibrarian'

            The 10-Minute International Librarian #60: Find out about a library in another country

            Libraries around the world face many of the same challenges, but respond in very different ways […]

            Read full post…

            So for our 59th 10-Minute International Librarian exercise, (re)read your library’s mission statement. Every library has […]

            Read full post…
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal([60, 59], document.Posts.Select(p => p.Number));
        Assert.Single(Paragraphs(document.Posts[0]));
        Assert.All(document.Posts, p => Assert.True(p.IsExcerpt));
        Assert.Equal("(Re)read your library’s mission statement", document.Posts[1].Title);
    }

    [Fact]
    public void GivesEachPostOfAListingTheAddressPrintedAboveItsOwnTitle()
    {
        var text = "Tag Archives: advocacy\n\n"
            + "https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + "https://blogs.ifla.org/lpa/2021/05/11/find-a-number/\n\n"
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number.")
            + "https://blogs.ifla.org/lpa/2021/05/04/read-a-report/\n"
            + "The 10-Minute International Librarian #59: Read a report\n\nReports are long. Th\n";

        var document = BlogPostParser.Parse(text);

        Assert.Equal(
            [(61, "https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/", 18), (60, "https://blogs.ifla.org/lpa/2021/05/11/find-a-number/", 11), (59, "https://blogs.ifla.org/lpa/2021/05/04/read-a-report/", 4)],
            document.Posts.Select(p => (p.Number, p.SourceUrl, p.PublishedOn!.Value.Day)));
        Assert.All(document.Posts, p => Assert.DoesNotContain("blogs.ifla.org", p.BodyMarkdown, StringComparison.Ordinal));
    }

    [Fact]
    public void GivesEachPostOfAListingTheAddressPrintedBelowIt()
    {
        var text = Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + "https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/\n\n"
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number.")
            + "https://blogs.ifla.org/lpa/2021/05/11/find-a-number/\n";

        var document = BlogPostParser.Parse(text);

        Assert.Equal(
            ["https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/", "https://blogs.ifla.org/lpa/2021/05/11/find-a-number/"],
            document.Posts.Select(p => p.SourceUrl));
    }

    [Fact]
    public void KeepsReadersCommentsOutOfACutOffPost()
    {
        const string text = """
            The 10-Minute International Librarian #61: Tell a story

            Stories stick in the mind in a way that statistics rarely do.

            3 Responses to “The 10-Minute International Librarian #61: Tell a story”

            Maria says: for our 61st 10-Minute International Librarian exercise, we told the story of a reader.
            """;

        var document = BlogPostParser.Parse(text);

        var post = Assert.Single(document.Posts);
        Assert.Equal(["Stories stick in the mind in a way that statistics rarely do."], Paragraphs(post));
        Assert.True(post.IsCutOff);
    }

    [Theory]
    [InlineData("Tag Archive for '#10MinuteInternationalLibrarian'")]
    [InlineData("Tag Archives: #10MinuteInternationalLibrarian")]
    [InlineData("Tag Archives: 10MinuteInternationalLibrarian")]
    public void DoesNotTreatTheSeriesTagAsATopicalTag(string headingLine)
    {
        var document = BlogPostParser.Parse(
            headingLine + "\n\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story."));

        Assert.Equal(ArchiveKind.Tag, document.Heading?.Kind);
        Assert.Null(document.TopicalTag);
        Assert.Equal(61, Assert.Single(document.Posts).Number);
    }

    // ---- Page leftovers and sibling series ---------------------------------------------------------------------

    [Theory]
    [InlineData("9 Responses to “The 10-Minute International Librarian #61: Tell a story”")]
    [InlineData("One thought on “The 10-Minute International Librarian #61: Tell a story”")]
    [InlineData("Leave a Reply")]
    [InlineData("Comments are currently closed.")]
    public void DropsPageLeftoversAroundAPost(string leftover)
    {
        var text = Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + $"""

            {leftover}

            A reader says: We tried this with our local council and it worked – thank you!

            {Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number.")}
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal([61, 60], document.Posts.Select(p => p.Number));
        Assert.Empty(document.Skipped);
        Assert.All(document.Posts, p =>
        {
            Assert.Empty(p.Warnings);
            Assert.DoesNotContain(leftover, p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("A reader says", p.BodyMarkdown, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void DropsPageLeftoversFromAPostThatLacksItsStrategyLine()
    {
        var text = """
            The 10-Minute International Librarian #61: Tell a story

            Stories stick in the mind in a way that statistics rarely do.

            So for our 61st 10-Minute International Librarian exercise, tell a story.

            Good luck!

            Comments are currently closed.
            """;

        var post = Single(text);

        Assert.Equal(["Stories stick in the mind in a way that statistics rarely do.", "So for our 61st 10-Minute International Librarian exercise, tell a story.", "Good luck!"], Paragraphs(post));
    }

    [Theory]
    [InlineData("The 10-Minute Library Advocate #6: Find a statistic that tells your story", "So for our sixth 10-Minute Library Advocate exercise, find a statistic that tells your story.")]
    [InlineData("The 10-Minute Digital Librarian #3: Check your library’s website on a phone", "So for this 10-Minute Digital Librarian, check your library’s website on a phone.")]
    [InlineData("Library Stat of the Week #212: Public libraries in Europe welcome millions of visitors every day", "Find out more on IFLA’s Library Map of the World.")]
    public void SkipsPostsOfSiblingSeriesWithoutLettingThemLeakIntoThePostBefore(string siblingTitle, string siblingSentence)
    {
        var text = $"""
            Tag Archives: advocacy

            The 10-Minute International Librarian #61: Tell a story

            Stories stick in the mind in a way that statistics rarely do.

            So for our 61st 10-Minute International Librarian exercise, tell a story.

            Good luck!

            {StrategyLine32}
            {siblingTitle}

            Advocacy works best when it is grounded in evidence.

            {siblingSentence}

            Let us know what you found!

            {Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number.")}
            """;

        var document = BlogPostParser.Parse(text);

        Assert.Equal([61, 60], document.Posts.Select(p => p.Number));
        Assert.Equal(siblingTitle, Assert.Single(document.Skipped).Title);
        Assert.Equal("Support virtual networking and connections", document.Posts[0].Strategy?.PublishedName);
        Assert.All(document.Posts, p =>
        {
            Assert.Empty(p.Warnings);
            Assert.DoesNotContain("grounded in evidence", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain(siblingSentence, p.BodyMarkdown, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SkipsASiblingSeriesPostThatEndsACutOffPost()
    {
        var text = """
            The 10-Minute International Librarian #61: Tell a story

            Stories stick in the mind in a way that statistics rarely do.

            So for our 61st 10-Minute International Librarian exercise, tell a story.

            Think of a user whose life was chan
            The 10-Minute Library Advocate #6: Find a statistic that tells your story

            Advocacy works best when it is grounded in evidence.
            """;

        var document = BlogPostParser.Parse(text);

        var post = Assert.Single(document.Posts);
        Assert.Equal("Think of a user whose life was chan", Paragraphs(post)[^1]);
        Assert.Contains(post.Warnings, w => w.Contains("cut off", StringComparison.Ordinal));
        Assert.Equal("The 10-Minute Library Advocate #6: Find a statistic that tells your story", Assert.Single(document.Skipped).Title);
    }

    [Fact]
    public void FindsNoPostInTextWithoutOne()
    {
        Assert.Empty(BlogPostParser.Parse("").Posts);
        Assert.Empty(BlogPostParser.Parse("Tag Archives: advocacy\n\nNothing found.").Posts);
    }

    // ---- Characters and line endings ---------------------------------------------------------------------------

    [Fact]
    public void TreatsALineOfOnlyNonBreakingSpacesAsBlank()
    {
        var text = Post(
            "The 10-Minute International Librarian #61: Tell a story",
            "So for our 61st 10-Minute International Librarian exercise, tell a story.").Replace("\n\n", $"\n{Nbsp} {Nbsp}\n", StringComparison.Ordinal);

        var post = Single(text);

        Assert.Equal(7, Paragraphs(post).Length);
        Assert.All(Paragraphs(post), p => Assert.False(string.IsNullOrWhiteSpace(p)));
        Assert.Equal("3.2", post.Strategy?.Code);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void ReadsWindowsLineEndingsAsUnixOnes()
    {
        var unix = Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.");

        var fromUnix = Single(unix);
        var fromWindows = Single(unix.ReplaceLineEndings("\r\n"));

        Assert.Equal(fromUnix, fromWindows with { Warnings = fromUnix.Warnings });
        Assert.Empty(fromWindows.Warnings);
        Assert.DoesNotContain("\r", fromWindows.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", fromWindows.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", fromWindows.Strategy?.PublishedLabel ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoresAByteOrderMark()
    {
        var document = BlogPostParser.Parse("\uFEFF" + StartingContent.ReadText(StartingContent.SeedListing));

        Assert.Equal("community engagement", document.TopicalTag);
        Assert.Equal([89, 42, 21], document.Posts.Select(p => p.Number));
        Assert.DoesNotContain(document.Posts, p => p.BodyMarkdown.Contains('\uFEFF', StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsMentionsOfOtherExercisesAsPlainText()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #61: Tell a story",
            "So for our 61st 10-Minute International Librarian exercise, tell a story – as in Exercise #38, start with one user."));

        Assert.Contains("as in Exercise #38, start with one user.", post.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesTextThatWouldOtherwiseBecomeMarkdown()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #61: Tell a story",
            "So for our 61st 10-Minute International Librarian exercise, tell a *short* story.").Replace(
                "Good luck!", "1. Pick a user.\n\n#10MinuteInternationalLibrarian is where to share it.\n\nGood luck!", StringComparison.Ordinal));

        Assert.Contains("So for our 61st 10-Minute International Librarian exercise, tell a \\*short\\* story.", Paragraphs(post));
        Assert.Contains("1\\. Pick a user.", Paragraphs(post));
        Assert.Contains("\\#10MinuteInternationalLibrarian is where to share it.", Paragraphs(post));
        Assert.Equal("Good luck!", Paragraphs(post)[^1]);
    }

    // ---- Address and date --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{0}\n\n{1}")]
    [InlineData("{1}\n\n{0}\n")]
    [InlineData("{1}\n{0}")]
    public void TakesTheDateAndSourceFromThePostAddress(string layout)
    {
        const string address = "https://blogs.ifla.org/lpa/2021/05/04/some-slug/";
        var post = Single(string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            layout,
            address,
            Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.").Trim()));

        Assert.Equal(new DateOnly(2021, 5, 4), post.PublishedOn);
        Assert.Equal(address, post.SourceUrl);
        Assert.DoesNotContain("blogs.ifla.org", post.BodyMarkdown, StringComparison.Ordinal);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void TakesTheDateAndSourceFromAnAddressBetweenTitleAndText()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #61: Tell a story\nhttps://blogs.ifla.org/lpa/2021/05/04/some-slug/",
            "So for our 61st 10-Minute International Librarian exercise, tell a story."));

        Assert.Equal(new DateOnly(2021, 5, 4), post.PublishedOn);
        Assert.Equal("https://blogs.ifla.org/lpa/2021/05/04/some-slug/", post.SourceUrl);
        Assert.Equal(7, Paragraphs(post).Length);
    }

    [Fact]
    public void KeepsAnAddressRightBelowTheStrategyLineOutOfTheLabel()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #61: Tell a story",
            "So for our 61st 10-Minute International Librarian exercise, tell a story.",
            StrategyLine32 + "\nhttps://blogs.ifla.org/lpa/2021/05/04/some-slug/"));

        Assert.Equal("Key Initiative 3.2: Support virtual networking and connections", post.Strategy?.PublishedLabel);
        Assert.Equal(new DateOnly(2021, 5, 4), post.PublishedOn);
    }

    [Fact]
    public void DoesNotTakeTheDateFromALinkInTheComments()
    {
        var post = Single(Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.") + """
            3 Responses to “The 10-Minute International Librarian #61: Tell a story”

            Maria says:

            We did something similar last year, see https://blogs.ifla.org/lpa/2020/06/01/another-post/
            """);

        Assert.Null(post.PublishedOn);
        Assert.Null(post.SourceUrl);
    }

    // ---- Whole pages copied from a browser ---------------------------------------------------------------------

    [Theory]
    [InlineData("{0}\n{1}")]
    [InlineData("source: https://blogs.ifla.org/lpa/tag/community-engagement/\n{0}\n{1}")]
    [InlineData("{0}https://blogs.ifla.org/lpa/tag/community-engagement/\n\n{1}")]
    public void FindsTheTagArchiveHeadingBelowTheSiteNameAndMenuOfAWholePageCopy(string layout)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, layout, SiteChrome, StartingContent.ReadText(StartingContent.SeedListing));

        var document = BlogPostParser.Parse(text);

        Assert.Equal(new ArchiveHeading(ArchiveKind.Tag, "community engagement"), document.Heading);
        Assert.Equal("community engagement", document.TopicalTag);
        Assert.False(document.ListingWithoutHeading);
        Assert.Equal([89, 42, 21], document.Posts.Select(p => p.Number));
        Assert.Equal("Libraries are already strongly characterised by collaboration.", Paragraphs(document.Posts[0])[0]);
        Assert.All(document.Posts, p =>
        {
            Assert.Empty(p.Warnings);
            Assert.DoesNotContain("Advocacy Blog", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.DoesNotContain("blogs.ifla.org", p.BodyMarkdown, StringComparison.Ordinal);
            Assert.Null(p.SourceUrl);
        });
    }

    [Theory]
    [InlineData("Monthly Archives: May 2021", ArchiveKind.Month, "May 2021", "2021-05-01")]
    [InlineData("Monthly Archive for November, 2020", ArchiveKind.Month, "November, 2020", "2020-11-01")]
    [InlineData("Archive for May, 2021", ArchiveKind.Month, "May, 2021", "2021-05-01")]
    [InlineData("Tag Archive for 'advocacy'\n\nPage 2 of 14", ArchiveKind.Tag, "advocacy", null)]
    [InlineData("Author Archives: Stephen Wyber", ArchiveKind.Author, "Stephen Wyber", null)]
    [InlineData("Search Results for: connection", ArchiveKind.Search, "connection", null)]
    public void FindsEveryKindOfArchiveHeadingBelowTheSiteName(string headingLine, ArchiveKind kind, string value, string? month)
    {
        var document = BlogPostParser.Parse(
            "source: https://blogs.ifla.org/lpa/\n" + SiteChrome + headingLine + "\n\n"
            + Post("The 10-Minute International Librarian #52: Join a webinar", "So for our 52nd 10-Minute International Librarian exercise, join a webinar.")
            + Post("The 10-Minute International Librarian #51: Follow a library on social media", "So for our 51st 10-Minute International Librarian exercise, follow a library on social media."));

        Assert.Equal(new ArchiveHeading(kind, value), document.Heading);
        Assert.Equal([52, 51], document.Posts.Select(p => p.Number));
        Assert.All(document.Posts, p => Assert.Equal(month is null ? null : DateOnly.Parse(month, System.Globalization.CultureInfo.InvariantCulture), p.PublishedOn));
        Assert.All(document.Posts, p => Assert.Equal("Library workers around the world face many of the same questions, even if the answers differ from place to place.", Paragraphs(p)[0]));
    }

    [Fact]
    public void TakesNoArchiveHeadingFromBelowTheFirstPost()
    {
        var document = BlogPostParser.Parse(
            SiteChrome
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + "Tag Archives: advocacy\n\n"
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number."));

        Assert.Null(document.Heading);
        Assert.Equal([61, 60], document.Posts.Select(p => p.Number));
    }

    [Fact]
    public void KeepsTheSiteNameAndAnAddressLineOutOfAPostCopiedWithoutItsTitle()
    {
        const string address = "https://blogs.ifla.org/lpa/2022/03/29/the-10-minute-international-librarian-89-make-a-connection/";
        var post = Single(
            SiteChrome
            + "source: " + address + "\n"
            + "Posted on 29 March 2022 by IFLA\n\n"
            + Post(title: null, "So for our 89th 10-Minute International Librarian exercise, make a connection."));

        Assert.Equal(89, post.Number);
        Assert.Equal("Library workers around the world face many of the same questions, even if the answers differ from place to place.", Paragraphs(post)[0]);
        Assert.Equal(7, Paragraphs(post).Length);
        Assert.Equal(address, post.SourceUrl);
        Assert.Equal(new DateOnly(2022, 3, 29), post.PublishedOn);
    }

    [Fact]
    public void KeepsALabelledAddressAboveAnUntitledPostOfAListingOutOfItsText()
    {
        var text = "Tag Archives: advocacy\n\n"
            + "source: https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/\n"
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + "source: https://blogs.ifla.org/lpa/2021/05/11/find-a-number/\n\n"
            + Post(title: null, "So for our 60th 10-Minute International Librarian exercise, find a number.");

        var document = BlogPostParser.Parse(text);

        Assert.Equal([61, 60], document.Posts.Select(p => p.Number));
        Assert.All(document.Posts, p =>
        {
            Assert.Equal("Library workers around the world face many of the same questions, even if the answers differ from place to place.", Paragraphs(p)[0]);
            Assert.DoesNotContain("source:", p.BodyMarkdown, StringComparison.Ordinal);
        });
        Assert.Equal(
            ["https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/", "https://blogs.ifla.org/lpa/2021/05/11/find-a-number/"],
            document.Posts.Select(p => p.SourceUrl));
    }

    [Fact]
    public void GivesALabelledAddressAboveATitleToThePostBelowItNotToTheCutOffPostAbove()
    {
        var text = "Tag Archives: advocacy\n\n"
            + "source: https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/\n"
            + "The 10-Minute International Librarian #61: Tell a story\n\nStories move people. Th\n"
            + "source: https://blogs.ifla.org/lpa/2021/05/11/find-a-number/\n"
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number.");

        var document = BlogPostParser.Parse(text);

        Assert.Equal(["Stories move people. Th"], Paragraphs(document.Posts[0]));
        Assert.Equal(
            ["https://blogs.ifla.org/lpa/2021/05/18/tell-a-story/", "https://blogs.ifla.org/lpa/2021/05/11/find-a-number/"],
            document.Posts.Select(p => p.SourceUrl));
    }

    [Fact]
    public void KeepsALabelledAddressBetweenTitleAndTextOutOfTheText()
    {
        var post = Single(Post(
            "The 10-Minute International Librarian #61: Tell a story\nsource: https://blogs.ifla.org/lpa/2021/05/04/some-slug/",
            "So for our 61st 10-Minute International Librarian exercise, tell a story."));

        Assert.Equal(7, Paragraphs(post).Length);
        Assert.Equal(new DateOnly(2021, 5, 4), post.PublishedOn);
    }

    [Fact]
    public void ReadsTheExcerptsOfASearchPageThatEndInReadMore()
    {
        const string text = """
            Search Results for: connection

            The 10-Minute International Librarian #89: Make a connection

            Libraries are already strongly characterised by collaboration. Within and across institutions, we rely on […]

            Read more

            Measuring the Impact of Cultural Diversity on Development: how libraries can get involved

            Without intercultural dialogue, peace and sustainable development are not possible. The UN World Day […]

            Read more
            """;

        var post = Single(text);

        Assert.True(post.IsExcerpt);
        Assert.Equal(["Libraries are already strongly characterised by collaboration. Within and across institutions, we rely on…"], Paragraphs(post));
    }

    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "Tag Archives: advocacy\n\n")]
    public void SaysWhenAListingLacksItsArchiveHeading(bool withoutHeading, string heading)
    {
        var listing = BlogPostParser.Parse(
            SiteChrome + heading
            + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story.")
            + Post("The 10-Minute International Librarian #60: Find a number", "So for our 60th 10-Minute International Librarian exercise, find a number."));
        var excerpt = BlogPostParser.Parse(heading + BlogText.Excerpt(59, "Read a report", "Reports are long, but their summaries are not."));
        var single = BlogPostParser.Parse(SiteChrome + Post("The 10-Minute International Librarian #61: Tell a story", "So for our 61st 10-Minute International Librarian exercise, tell a story."));

        Assert.Equal(withoutHeading, listing.ListingWithoutHeading);
        Assert.Equal(withoutHeading, excerpt.ListingWithoutHeading);
        Assert.False(single.ListingWithoutHeading);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    /// <summary>A whole post as the blog prints it; a test passes in the parts it is about.</summary>
    private static string Post(string? title, string pivot, string strategyLine = StrategyLine32) =>
        $"""
        {title}

        Library workers around the world face many of the same questions, even if the answers differ from place to place.

        Taking a few minutes to step back and look beyond your own institution can bring new ideas – and new allies.

        {pivot}

        What do you already know? Who could you ask?

        Is there something you could try this week, even on a small scale?

        Let us know how it went in the comments below!

        Good luck!

        {Nbsp}

        {strategyLine}

        {Footer}


        """;

    /// <summary>What a browser's copy of a whole page of the blog puts above its content: the site's name and menu.</summary>
    private const string SiteChrome = """
        Skip to content
        IFLA
        Library Policy and Advocacy Blog
        Menu
        Home
        About
        Search for:

        """;

    private static ParsedPost Single(string text) => Assert.Single(BlogPostParser.Parse(text).Posts);

    private static string[] Paragraphs(ParsedPost post) => post.BodyMarkdown.Split("\n\n");
}
