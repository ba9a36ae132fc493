using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Importing;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Importing;

public sealed class ExerciseImporterTests : IAsyncLifetime
{
    private const string Connection = "3.2 Support virtual networking and connections";

    private readonly LibrarianAppFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server; // start the host: migrations and starting content
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheStartingContentHoldsTheSeedsExercisesTagsAndInitiatives()
    {
        var exercises = await _app.WithDbAsync(db => db.Exercises
            .Include(e => e.Tags).Include(e => e.Initiatives).ThenInclude(l => l.KeyInitiative)
            .OrderBy(e => e.Number).ToListAsync());

        Assert.Equal([21, 42, 89], exercises.Select(e => e.Number));
        Assert.All(exercises, e => Assert.Equal(
            ["10minuteinternationallibrarian", "community-engagement"],
            e.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal)));
        Assert.Equal(["1.1", "3.3", "3.2"], exercises.Select(e => e.Initiatives.Single().KeyInitiative.Code));
        Assert.Equal("3.3 Empower the field at the national and regional levels.", exercises[1].Initiatives.Single().PublishedLabel);
        Assert.All(exercises, e => Assert.False(e.Initiatives.Single().LabelDisagrees));
        Assert.Equal(16, await _app.WithDbAsync(db => db.KeyInitiatives.CountAsync()));
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceLeavesTheDatabaseAsAfterTheFirstTime()
    {
        var file = BlogText.TagArchive(
            "outreach",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.Post(8, "Write to a colleague abroad", "write to a colleague abroad", "Key Initiative 3.1: Provide excellent opportunities for face-to-face networking and learning"),
            BlogText.Post(89, "Make a connection", "make a connection", Connection));

        var first = await _app.ImportAsync(file);
        var afterFirst = await SnapshotAsync();
        var second = await _app.ImportAsync(file);
        var afterSecond = await SnapshotAsync();

        Assert.Equal([ExerciseChange.Created, ExerciseChange.Created, ExerciseChange.Updated], first.Exercises.Select(e => e.Change));
        Assert.All(second.Exercises, e => Assert.Equal(ExerciseChange.Unchanged, e.Change));
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task AnExcerptNeverReplacesAFullTextButAFullTextReplacesAnExcerpt()
    {
        const string Excerpts = """
            Tag Archive for '#10MinuteInternationalLibrarian'

            Page 2 of 14

            The 10-Minute International Librarian #89: Make a connection

            Libraries are already strongly characterised by collaboration. Within and across institutions, we rely on […]

            Read full post…

            The 10-Minute International Librarian #77: Learn a word in another language

            Language is a bridge to other librarians. Today we ask you to […]

            Read full post…
            """;

        var report = await _app.ImportAsync(Excerpts);
        var exercise89 = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 89));
        Assert.False(exercise89.BodyIsExcerpt);
        Assert.Contains("make a connection.", exercise89.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal(ExerciseChange.Unchanged, report.Exercises.Single(e => e.Number == 89).Change);

        var exercise77 = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 77));
        Assert.True(exercise77.BodyIsExcerpt);

        await _app.ImportAsync(BlogText.Post(77, "Learn a word in another language", "learn a word in another language", Connection));
        exercise77 = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 77));
        Assert.False(exercise77.BodyIsExcerpt);
        Assert.Contains("learn a word in another language.", exercise77.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACutOffCopyFromAListingPageNeverReplacesAFullText()
    {
        const string CutOff = """
            Monthly Archives: March 2021

            The 10-Minute International Librarian #89: Make a connection

            Libraries are already strongly characterised by collaboration.

            So for our 89th 10-Minute International Librarian exercise, make a connection.

            Think of the different people, organisations and gro
            The 10-Minute International Librarian #78: Thank a volunteer

            Volunteers keep many libraries open.

            So for our 78th 10-Minute International Librarian exercise, thank a volunteer.

            This idea relates to the IFLA Strategy! 4.2 Effectively mobilise our human resources and networks.
            """;
        var before = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 89));

        var report = await _app.ImportAsync(CutOff);

        var after = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 89));
        Assert.Equal(before.BodyMarkdown, after.BodyMarkdown);
        Assert.False(after.BodyIsExcerpt);
        // All the cut-off copy adds is the month of its archive, which was not known.
        Assert.Equal((new DateOnly(2021, 3, 1), DatePrecision.Month), (after.PublishedOn!.Value, after.PublishedOnPrecision));
        Assert.Equal((ExerciseChange.Updated, false), (report.Exercises.Single(e => e.Number == 89).Change, report.Exercises.Single(e => e.Number == 89).IsPartial));
        Assert.Equal(ExerciseChange.Created, report.Exercises.Single(e => e.Number == 78).Change);
    }

    [Fact]
    public async Task ADryRunReportsTheChangesAndWritesNothing()
    {
        var before = await SnapshotAsync();

        var report = await _app.ImportAsync(
            BlogText.TagArchive("outreach", BlogText.Post(5, "Say hello", "say hello", Connection), BlogText.Post(89, "Make a connection", "make a connection", Connection)),
            dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal([ExerciseChange.Created, ExerciseChange.Updated], report.Exercises.Select(e => e.Change));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AFileIsImportedWholeOrNotAtAll()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.RefuseExercise999));
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => _app.ImportAsync(BlogText.TagArchive(
            "outreach",
            BlogText.Post(5, "Say hello", "say hello", Connection),
            BlogText.Post(999, "Break the import", "break the import", Connection))));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ACodeAndNameThatDisagreeAreLinkedByCodeAndFlaggedWithTheLabelKept()
    {
        const string Label = "Key Initiative 2.1: Shape public opinion and debate around open access and library values, including intellectual freedom and human rights";

        var report = await _app.ImportAsync(BlogText.Post(64, "Stand up for open access", "stand up for open access", Label));

        var link = await _app.WithDbAsync(db => db.ExerciseInitiatives.Include(l => l.KeyInitiative).SingleAsync(l => l.Exercise.Number == 64));
        Assert.Equal("2.1", link.KeyInitiative.Code);
        Assert.Equal(Label, link.PublishedLabel);
        Assert.True(link.LabelDisagrees);
        Assert.Contains(report.Exercises.Single().Warnings, w => w.Contains("disagrees", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostsOfOtherSeriesAreSkippedAndReported()
    {
        var report = await _app.ImportAsync(
            "The 10-Minute Library Advocate #12: Write to your mayor\n\nAdvocacy starts at home.\n\nGood luck!\n\n"
            + BlogText.Post(6, "Read a manifesto", "read a manifesto", Connection));

        Assert.Equal([6], report.Exercises.Select(e => e.Number));
        Assert.Contains(report.Skipped, s => s.Title.Contains("Library Advocate #12", StringComparison.Ordinal));
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 12)));
    }

    [Theory]
    [InlineData("", "the text is empty")]
    [InlineData("   \n\n  ", "the text is empty")]
    [InlineData("Library Stat of the Week: 42% of libraries\n\nA number to think about.", "no post of The 10-Minute International Librarian in it (1 other post(s) skipped)")]
    [InlineData("Tag Archives: advocacy\n\nNothing found.", "an archive page with no post on it")]
    [InlineData("Libraries change lives. Here is how our advocacy work went this year.", "no post of The 10-Minute International Librarian in it")]
    public async Task TextWithoutAnyExerciseHasNothingToImportAndSaysWhy(string text, string why)
    {
        var before = await SnapshotAsync();

        var report = await _app.ImportAsync(text);

        Assert.Equal(why, report.NothingToImport);
        Assert.Empty(report.Exercises);
        Assert.Equal(before, await SnapshotAsync());
    }

    // ---- Partial copies from listing pages ---------------------------------------------------------------------

    private const string OlderLayoutAdvocacyArchive = """
        Tag Archive for 'advocacy'

        Page 2 of 5

        https://blogs.ifla.org/lpa/2021/02/09/the-10-minute-international-librarian-60/
        The 10-Minute International Librarian #60: Find out about a library in another country

        Libraries around the world face many of the same challenges, but respond in very different ways […]

        Read full post…

        The 10-Minute Library Advocate #6: Find a statistic that tells your story

        Advocacy works best when it is grounded in evidence […]

        Read full post…

        https://blogs.ifla.org/lpa/2020/05/12/the-10-minute-international-librarian-1/
        The 10-Minute International Librarian #89: Make a connection

        Libraries are already strongly characterised by collaboration. Within and across institutions, we rely on […]

        Read full post…
        """;

    [Fact]
    public async Task AnExcerptCreatesAPartialExerciseWithTheArchivesTagAndItsAddressAndAFullPostLaterCompletesIt()
    {
        var report = await _app.ImportAsync(OlderLayoutAdvocacyArchive);

        var created = report.Exercises.Single(e => e.Number == 60);
        Assert.Equal((ExerciseChange.Created, true), (created.Change, created.IsPartial));
        var exercise60 = await LoadAsync(60);
        Assert.True(exercise60.BodyIsExcerpt);
        Assert.Equal("Find out about a library in another country", exercise60.Title);
        Assert.Equal(["10minuteinternationallibrarian", "advocacy"], exercise60.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal));
        Assert.Equal("https://blogs.ifla.org/lpa/2021/02/09/the-10-minute-international-librarian-60/", exercise60.SourceUrl);
        Assert.Equal((new DateOnly(2021, 2, 9), DatePrecision.Day), (exercise60.PublishedOn!.Value, exercise60.PublishedOnPrecision));
        Assert.Contains(report.Skipped, s => s.Title.Contains("Library Advocate #6", StringComparison.Ordinal));

        // Not public while only its beginning is known.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _app.FetchAsync("/exercises/60")).Status);

        await _app.ImportAsync(BlogText.Post(60, "Find out about a library in another country", "find out about a library in another country", Connection));
        exercise60 = await LoadAsync(60);
        Assert.False(exercise60.BodyIsExcerpt);
        Assert.Contains("find out about a library in another country.", exercise60.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains(exercise60.Tags, t => t.Slug == "advocacy");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _app.FetchAsync("/exercises/60")).Status);
    }

    [Fact]
    public async Task AnExcerptOfAKnownExerciseAddsTheTagButReplacesNoneOfItsData()
    {
        var before = await LoadAsync(89);

        var report = await _app.ImportAsync(OlderLayoutAdvocacyArchive);

        var after = await LoadAsync(89);
        var result = report.Exercises.Single(e => e.Number == 89);
        Assert.Equal((ExerciseChange.Updated, false), (result.Change, result.IsPartial));
        Assert.Equal(["advocacy"], result.TagsAdded);
        Assert.Equal((before.Title, before.BodyMarkdown, false), (after.Title, after.BodyMarkdown, after.BodyIsExcerpt));
        Assert.Contains(after.Tags, t => t.Slug == "advocacy");
        // The seed gives no address: the excerpt's fills it in, and would never replace one.
        Assert.Equal("https://blogs.ifla.org/lpa/2020/05/12/the-10-minute-international-librarian-1/", after.SourceUrl);
        await _app.ImportAsync(OlderLayoutAdvocacyArchive.Replace("2020/05/12", "2020/05/19", StringComparison.Ordinal));
        Assert.Equal(after.SourceUrl, (await LoadAsync(89)).SourceUrl);
    }

    [Fact]
    public async Task AMonthArchiveGivesTheMonthWithoutReplacingADayAndADayReplacesTheMonth()
    {
        var monthArchive = "Monthly Archives: May 2021\n\n"
            + BlogText.Post(53, "Share a resource", "share a resource", Connection)
            + "The 10-Minute International Librarian #42: Assess your community’s needs\n\nLibraries and library workers have a fundamental mis\n";
        await _app.WithDbAsync(async db =>
        {
            (await db.Exercises.SingleAsync(e => e.Number == 42)).PublishedOn = new DateOnly(2021, 5, 25);
            return await db.SaveChangesAsync();
        });

        await _app.ImportAsync(monthArchive);

        var exercise53 = await LoadAsync(53);
        Assert.Equal((new DateOnly(2021, 5, 1), DatePrecision.Month), (exercise53.PublishedOn!.Value, exercise53.PublishedOnPrecision));
        Assert.Equal("May 2021", (await _app.GetDocumentAsync("/exercises/53")).QuerySelector("header time")?.TextContent);
        var exercise42 = await LoadAsync(42);
        Assert.Equal((new DateOnly(2021, 5, 25), DatePrecision.Day), (exercise42.PublishedOn!.Value, exercise42.PublishedOnPrecision));

        await _app.ImportAsync("https://blogs.ifla.org/lpa/2021/05/04/share-a-resource/\n" + BlogText.Post(53, "Share a resource", "share a resource", Connection));
        exercise53 = await LoadAsync(53);
        Assert.Equal((new DateOnly(2021, 5, 4), DatePrecision.Day), (exercise53.PublishedOn!.Value, exercise53.PublishedOnPrecision));
        Assert.Equal(ExerciseChange.Unchanged, (await _app.ImportAsync(monthArchive)).Exercises.Single(e => e.Number == 53).Change);
    }

    [Fact]
    public async Task OfTwoPartialCopiesTheLongerTextStaysAndTheFirstTitleIsKept()
    {
        const string Excerpt = """
            Tag Archive for 'outreach'

            The 10-Minute International Librarian #77: Learn a word in another language

            Language is a bridge to other librarians […]

            Read full post…
            """;
        const string CutOff = """
            Tag Archives: languages

            The 10-Minute International Librarian #77: learn a word in another language

            Language is a bridge to other librarians.

            Even a single word of greeting can open a conversation with a colleague abroad, and show resp
            """;

        await _app.ImportAsync(Excerpt);
        await _app.ImportAsync(CutOff);
        var afterBoth = await SnapshotAsync();
        var again = new[] { await _app.ImportAsync(Excerpt), await _app.ImportAsync(CutOff) };

        var exercise77 = await LoadAsync(77);
        Assert.True(exercise77.BodyIsExcerpt);
        Assert.Equal("Learn a word in another language", exercise77.Title);
        Assert.EndsWith("show resp", exercise77.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal(["10minuteinternationallibrarian", "languages", "outreach"], exercise77.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal));
        Assert.All(again, r => Assert.Equal(ExerciseChange.Unchanged, r.Exercises.Single().Change));
        Assert.Equal(afterBoth, await SnapshotAsync());
    }

    [Fact]
    public async Task ATagFromAnArchiveIsKeptOffAnExerciseWhoseTagsAnEditorChangedAndTheReportSaysSo()
    {
        await _app.WithDbAsync(async db =>
        {
            (await db.Exercises.SingleAsync(e => e.Number == 89)).EditedFields = ExerciseFields.Tags;
            return await db.SaveChangesAsync();
        });

        var report = await _app.ImportAsync(OlderLayoutAdvocacyArchive);

        var result = report.Exercises.Single(e => e.Number == 89);
        Assert.Equal(["tags"], result.KeptFields);
        Assert.Empty(result.TagsAdded);
        Assert.DoesNotContain((await LoadAsync(89)).Tags, t => t.Slug == "advocacy");
    }

    [Fact]
    public async Task AWholePageCopyOfATagArchiveGivesEveryPostItsTagAndNoneOfThePagesLines()
    {
        var page = """
            Skip to content
            IFLA
            Library Policy and Advocacy Blog
            Menu
            Home
            About
            source: https://blogs.ifla.org/lpa/tag/outreach/

            """ + BlogText.TagArchive(
            "outreach",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.Post(8, "Write to a colleague abroad", "write to a colleague abroad", Connection));

        var report = await _app.ImportAsync(page);

        Assert.Empty(report.Warnings);
        Assert.All(report.Exercises, e => Assert.Equal(["outreach"], e.TagsAdded.Where(t => t != "10MinuteInternationalLibrarian")));
        var tags = await _app.FetchAsync("/tags/outreach");
        Assert.Equal(System.Net.HttpStatusCode.OK, tags.Status);
        Assert.NotNull(tags.Page.QuerySelector("main a[href='/exercises/7']"));
        Assert.NotNull(tags.Page.QuerySelector("main a[href='/exercises/8']"));
    }

    [Fact]
    public async Task AnAddressLineAboveAPostWithoutItsTitleNeverBecomesItsDescription()
    {
        var text = """
            IFLA Library Policy and Advocacy Blog
            source: https://blogs.ifla.org/lpa/2021/06/01/the-10-minute-international-librarian-56-share-a-lesson/

            """ + BlogText.Post(56, "Share a lesson", "share a lesson", Connection, "Every library has learnt something this year.")
            .Replace("The 10-Minute International Librarian #56: Share a lesson", "", StringComparison.Ordinal);

        await _app.ImportAsync(text);

        var exercise = await LoadAsync(56);
        Assert.Equal("Every library has learnt something this year.", exercise.FirstParagraph);
        Assert.StartsWith("Every library has learnt something this year.", exercise.BodyMarkdown, StringComparison.Ordinal);
        var page = await _app.FetchAsync("/exercises/56");
        Assert.Equal("Every library has learnt something this year.", page.Page.QuerySelector("head meta[name=description]")?.GetAttribute("content"));
        using var json = System.Text.Json.JsonDocument.Parse(page.Page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Every library has learnt something this year.", json.RootElement.GetProperty("description").GetString());
        Assert.Equal("https://blogs.ifla.org/lpa/2021/06/01/the-10-minute-international-librarian-56-share-a-lesson/", exercise.SourceUrl);
    }

    [Fact]
    public async Task AListingCopiedWithoutItsHeadingIsImportedWithAWarningThatNoTagWasTakenFromIt()
    {
        var listing = BlogText.Post(7, "Map your partners", "map your partners", Connection)
            + BlogText.Post(8, "Write to a colleague abroad", "write to a colleague abroad", Connection);

        var report = await _app.ImportAsync(listing);
        var single = await _app.ImportAsync(BlogText.Post(9, "Say thank you", "say thank you", Connection));

        Assert.Equal([ImportReport.NoArchiveHeading], report.Warnings);
        Assert.Equal(2, report.Exercises.Count);
        Assert.Empty(single.Warnings);
    }

    private Task<Exercise> LoadAsync(int number) =>
        _app.WithDbAsync(db => db.Exercises.AsNoTracking().Include(e => e.Tags).SingleAsync(e => e.Number == number));

    /// <summary>Everything an import can write, as comparable text.</summary>
    private Task<List<string>> SnapshotAsync() => _app.WithDbAsync(async db =>
    {
        var exercises = await db.Exercises.AsNoTracking()
            .Include(e => e.Tags).Include(e => e.Initiatives).ThenInclude(l => l.KeyInitiative)
            .OrderBy(e => e.Number).ToListAsync();
        var rows = exercises.Select(e => string.Join(
            " | ",
            e.Number, e.Title, e.Slug, e.BodyMarkdown, e.BodyIsExcerpt, e.PublishedOn, e.PublishedOnPrecision, e.SourceUrl, e.ResponsesOpen, e.CreatedUtc.Ticks, e.UpdatedUtc.Ticks,
            string.Join(",", e.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal)),
            string.Join(",", e.Initiatives.Select(l => $"{l.KeyInitiative.Code}:{l.PublishedLabel}:{l.LabelDisagrees}")))).ToList();
        rows.AddRange((await db.Tags.AsNoTracking().OrderBy(t => t.Slug).ToListAsync()).Select(t => $"tag {t.Slug} {t.Name}"));
        return rows;
    });
}
