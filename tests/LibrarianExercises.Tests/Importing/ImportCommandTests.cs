using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Importing;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Importing;

public sealed class ImportCommandTests : IAsyncLifetime, IDisposable
{
    private const string Connection = "3.2 Support virtual networking and connections";

    private readonly LibrarianAppFactory _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("librarian-import-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private MemoryStream _input = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        _input.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task PrintsALinePerExerciseAndASummary()
    {
        var file = Write("posts.txt", BlogText.TagArchive(
            "outreach",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.Post(89, "Make a connection", "make a connection", Connection)));

        var exit = await RunAsync(file);

        Assert.Equal(0, exit);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("#7 Map your partners [initiative 3.2] created", lines);
        Assert.Contains("#89 Make a connection [initiative 3.2] updated, tags added: outreach", lines);
        Assert.Equal("2 exercise(s): 1 created, 1 updated, 0 unchanged; 0 partial; 3 tag(s) added; 0 post(s) skipped; 0 file(s) with nothing to import; 0 file(s) failed.", lines[^1]);
    }

    [Fact]
    public async Task ADryRunSaysWhatWouldChangeAndWritesNothing()
    {
        var file = Write("posts.txt", BlogText.Post(7, "Map your partners", "map your partners", Connection));

        var exit = await RunAsync("--dry-run", file);

        Assert.Equal(0, exit);
        Assert.Contains("#7 Map your partners [initiative 3.2] would be created", _output.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Dry run, nothing written.", _output.ToString().Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 7)));
    }

    [Fact]
    public async Task TheReportSaysWhichFieldsWereKeptBecauseAnEditorChangedThem()
    {
        await _app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 89);
            exercise.Title = "Make a connection abroad";
            exercise.EditedFields = LibrarianExercises.Web.Data.ExerciseFields.Title;
            return await db.SaveChangesAsync();
        });
        var file = Write("posts.txt", BlogText.Post(89, "Make a connection", "make a connection", Connection));

        await RunAsync(file);

        Assert.Contains("#89 Make a connection abroad [initiative 3.2] updated (kept: title, changed by an editor)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("      title: now \"Make a connection abroad\"; incoming \"Make a connection\" (kept, corrected by an editor)", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningsAndSkippedPostsArePrinted()
    {
        var file = Write("posts.txt",
            "The 10-Minute Digital Librarian #3: Back up a file\n\nKeep copies.\n\n"
            + BlogText.Post(64, "Stand up", "stand up", "2.1 Shape public opinion and debate around open access and library values, including intellectual freedom and human rights"));

        await RunAsync(file);

        var output = _output.ToString();
        Assert.Contains("skipped  The 10-Minute Digital Librarian #3: Back up a file: another series", output, StringComparison.Ordinal);
        Assert.Contains("(warning: the published name", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingBinaryOrNonUtf8FileGetsAClearMessageAndAFailingExitCode()
    {
        var binary = Path.Combine(_folder, "picture.png");
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        var latin1 = Path.Combine(_folder, "latin1.txt");
        await File.WriteAllBytesAsync(latin1, [0x43, 0x61, 0x66, 0xE9]);
        var good = Write("good.txt", BlogText.Post(7, "Map your partners", "map your partners", Connection));

        var exit = await RunAsync(Path.Combine(_folder, "missing.txt"), binary, latin1, good);

        Assert.Equal(1, exit);
        var errors = _errors.ToString();
        Assert.Contains("missing.txt: cannot read it (no such file)", errors, StringComparison.Ordinal);
        Assert.Contains("picture.png: cannot read it (it is not a text file)", errors, StringComparison.Ordinal);
        Assert.Contains("latin1.txt: cannot read it (it is not UTF-8 text)", errors, StringComparison.Ordinal);
        Assert.EndsWith("0 file(s) with nothing to import; 3 file(s) failed.", _output.ToString().Trim(), StringComparison.Ordinal);
        Assert.True(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 7)));
    }

    [Fact]
    public async Task FilesWithNothingOfTheSeriesAreReportedWithWhyAndAreNotFailures()
    {
        var siblings = Write("siblings.txt", BlogText.TagArchive(
            "advocacy",
            BlogText.Sibling("The 10-Minute Library Advocate #12: Write to your mayor", "Advocacy starts at home."),
            BlogText.Sibling("Library Stat of the Week #212: Public libraries in Europe welcome millions of visitors every day", "Find out more on IFLA’s Library Map of the World.")));
        var emptyArchive = Write("empty-archive.txt", "Monthly Archives: July 2022\n\nNothing found.\n");
        var introduction = Write("introduction.txt", "Welcome to our new series of short exercises for librarians everywhere.\n");
        var empty = Write("empty.txt", "");
        var before = await _app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var exit = await RunAsync(siblings, emptyArchive, introduction, empty);

        Assert.Equal(0, exit);
        Assert.Equal("", _errors.ToString());
        var output = _output.ToString();
        Assert.Contains("siblings.txt\n  nothing to import: no post of The 10-Minute International Librarian in it (2 other post(s) skipped)\n"
            + "  skipped  The 10-Minute Library Advocate #12: Write to your mayor: another series\n", output, StringComparison.Ordinal);
        Assert.Contains("empty-archive.txt\n  nothing to import: an archive page with no post on it\n", output, StringComparison.Ordinal);
        Assert.Contains("introduction.txt\n  nothing to import: no post of The 10-Minute International Librarian in it\n", output, StringComparison.Ordinal);
        Assert.Contains("empty.txt\n  nothing to import: the text is empty\n", output, StringComparison.Ordinal);
        Assert.EndsWith("0 exercise(s): 0 created, 0 updated, 0 unchanged; 0 partial; 0 tag(s) added; 2 post(s) skipped (2 another series); 4 file(s) with nothing to import; 0 file(s) failed.", output.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task AListingCopiedWithoutItsHeadingIsImportedWithAWarning()
    {
        var file = Write("listing.txt", "Library Policy and Advocacy Blog\n\n"
            + BlogText.Post(7, "Map your partners", "map your partners", Connection)
            + BlogText.Post(8, "Write to a colleague abroad", "write to a colleague abroad", Connection));

        var exit = await RunAsync(file);

        Assert.Equal(0, exit);
        Assert.Contains("listing.txt\n  warning: it looks like a listing page, but no archive heading", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("#8 Write to a colleague abroad [initiative 3.2] created", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderIsImportedFileByFileInNameOrderAndTheSummaryCountsEachExerciseOnce()
    {
        var folder = WriteMixedFolder("archives");

        var exit = await RunAsync(folder);

        Assert.Equal(0, exit);
        var output = _output.ToString();
        var names = output.Split('\n').Where(l => l.StartsWith(folder, StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.Equal(["01-tag-advocacy.txt", "02-tag-advocacy-page-2.txt", "03-month-may-2021.txt", "04-siblings.txt", "05-empty-archive.txt"], names);
        Assert.DoesNotContain("notes.md", output, StringComparison.Ordinal);
        Assert.Contains("  #28 Write a thank-you note [initiative none] created, partial", output, StringComparison.Ordinal);
        Assert.Contains("  #60 Find out about a library in another country [initiative none] updated, partial", output, StringComparison.Ordinal);
        Assert.Contains("  #89 Make a connection [initiative 3.2] updated, tags added: advocacy", output, StringComparison.Ordinal);
        Assert.EndsWith(
            "6 exercise(s): 5 created, 1 updated, 0 unchanged; 3 partial; 9 tag(s) added; 4 post(s) skipped (4 another series); 2 file(s) with nothing to import; 0 file(s) failed.",
            output.Trim(),
            StringComparison.Ordinal);
        var partial = await _app.WithDbAsync(db => db.Exercises.Where(e => e.BodyIsExcerpt).OrderBy(e => e.Number).Select(e => e.Number).ToListAsync());
        Assert.Equal([28, 52, 60], partial);
    }

    [Fact]
    public async Task ImportingAMixedFolderTwiceChangesNothingTheSecondTime()
    {
        var folder = WriteMixedFolder("archives");
        Assert.Equal(0, await RunAsync(folder));
        var afterFirst = await SnapshotAsync();
        _output.GetStringBuilder().Clear();

        var exit = await RunAsync(folder);

        Assert.Equal(0, exit);
        Assert.Equal(afterFirst, await SnapshotAsync());
        Assert.EndsWith(
            "6 exercise(s): 0 created, 0 updated, 6 unchanged; 3 partial; 0 tag(s) added; 4 post(s) skipped (4 another series); 2 file(s) with nothing to import; 0 file(s) failed.",
            _output.ToString().Trim(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADashReadsTheTextFromStandardInput()
    {
        _input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BlogText.Post(7, "Map your partners", "map your partners", Connection)));

        var exit = await RunAsync("-");

        Assert.Equal(0, exit);
        Assert.StartsWith("standard input\n  #7 Map your partners [initiative 3.2] created", _output.ToString(), StringComparison.Ordinal);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ExerciseNumber == 7));
        Assert.Equal("standard input", entry.Detail);
    }

    [Fact]
    public async Task AFolderWithoutTextFilesFails()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var exit = await RunAsync(folder);

        Assert.Equal(1, exit);
        Assert.Contains("empty: no .txt file in the folder", _errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--force", "posts.txt")]
    public async Task AWrongCommandLineShowsTheUsage(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: import [--dry-run] FILE|FOLDER|-...", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProgramRunsTheImportVerbAgainstItsDatabase()
    {
        var database = Path.Combine(_folder, "cli.db");
        var file = Write("posts.txt", BlogText.Post(7, "Map your partners", "map your partners", Connection));

        var (exit, output) = await PublishedProgram.RunAsync(_folder, database, "import", file);
        // Settings may also come on the command line, as for the web host.
        var (secondExit, secondOutput) = await PublishedProgram.RunAsync(_folder, (string?)null, "import", file, "--ConnectionStrings:Library=Data Source=" + database);

        Assert.True(exit == 0, output);
        Assert.Contains("#7 Map your partners [initiative 3.2] created", output, StringComparison.Ordinal);
        Assert.Equal(0, secondExit);
        Assert.Contains("#7 Map your partners [initiative 3.2] unchanged", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADryRunOnADatabaseThatDoesNotExistYetCreatesNothingAndReportsWhatARealRunWouldDo()
    {
        var database = Path.Combine(_folder, "new", "library.db");
        var listing = Write("listing.txt", BlogText.TagArchive(
            "advocacy",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.CutOff(28, "Write a thank-you note", "Advocacy is not only about asking.")));
        var excerpts = Write("excerpts.txt", BlogText.OlderTagArchive("outreach", 1, 1, BlogText.Excerpt(28, "Write a thank-you note", "Advocacy is not only about asking")));
        var files = Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var (exit, output) = await PublishedProgram.RunAsync(_folder, database, "import", "--dry-run", listing, excerpts);

        Assert.True(exit == 0, output);
        Assert.Contains($"The database {database} does not exist yet", output, StringComparison.Ordinal);
        Assert.Contains("#7 Map your partners [initiative 3.2] would be created", output, StringComparison.Ordinal);
        Assert.Contains("#28 Write a thank-you note [initiative none] would be created, partial", output, StringComparison.Ordinal);
        // The files are taken one after another, as a real run would: the second sees what the first would create.
        Assert.Contains("#28 Write a thank-you note [initiative none] would be updated, partial, tags it would get: outreach", output, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing written. 2 exercise(s): 2 would be created, 0 would be updated, 0 unchanged; 1 partial; 5 tag(s) would be added", output, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

        // Once the database exists, a dry run reads it and leaves it as it was.
        Assert.Equal(0, (await PublishedProgram.RunAsync(_folder, database, "import", listing)).Exit);
        var (bytes, written) = (await File.ReadAllBytesAsync(database), File.GetLastWriteTimeUtc(database));
        (exit, output) = await PublishedProgram.RunAsync(_folder, database, "import", "--dry-run", excerpts);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("does not exist yet", output, StringComparison.Ordinal);
        Assert.Contains("#28 Write a thank-you note [initiative none] would be updated, partial, tags it would get: outreach", output, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(database));
        Assert.Equal(written, File.GetLastWriteTimeUtc(database));
        Assert.Equal([database], Directory.GetFiles(Path.GetDirectoryName(database)!));
    }

    [Fact]
    public async Task AFileThatCannotBeSavedIsReportedAndTheOthersAreStillImported()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.RefuseExercise999));
        var broken = Write("broken.txt", BlogText.Post(998, "Fine", "be fine", Connection) + BlogText.Post(999, "Refused", "be refused", Connection));
        var good = Write("good.txt", BlogText.Post(7, "Map your partners", "map your partners", Connection));

        var exit = await RunAsync(broken, good);

        Assert.Equal(1, exit);
        Assert.Contains("broken.txt: could not be saved", _errors.ToString(), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 998)));
        Assert.True(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 7)));
    }

    private Task<int> RunAsync(params string[] args) => ImportCommand.RunAsync(_app.Services, args, _input, _output, _errors);

    /// <summary>
    /// Listing pages of both layouts as a librarian saves them: a tag archive whose last post is cut off before its
    /// pivot sentence, an older-layout page of the same archive with excerpts, a month archive holding one of those
    /// again, a page of sibling series only, an empty archive page, and a file that is not text to import.
    /// </summary>
    private string WriteMixedFolder(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var lookAbroad = "Libraries around the world face many of the same challenges, but respond in very different ways.";
        File.WriteAllText(Path.Combine(folder, "05-empty-archive.txt"), "Tag Archives: outreach\n\nNothing found.\n");
        File.WriteAllText(Path.Combine(folder, "01-tag-advocacy.txt"), BlogText.TagArchive(
            "advocacy",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.Sibling("The 10-Minute Library Advocate #12: Write to your mayor", "Advocacy starts at home."),
            BlogText.CutOff(28, "Write a thank-you note", "Advocacy is not only about asking.", "It is also about recognising those who have hel")));
        File.WriteAllText(Path.Combine(folder, "02-tag-advocacy-page-2.txt"), BlogText.OlderTagArchive(
            "advocacy",
            2,
            2,
            BlogText.Excerpt(60, "Find out about a library in another country", lookAbroad + " Learning about how"),
            BlogText.Excerpt(89, "Make a connection", "Libraries are already strongly characterised by collaboration. Within and across institutions, we rely on"),
            "The 10-Minute Digital Librarian #3: Check your library’s website on a phone\n\nMore and more people find their library on a phone […]\n\nRead full post…\n\n"));
        File.WriteAllText(Path.Combine(folder, "03-month-may-2021.txt"), BlogText.MonthArchive(
            "May 2021",
            BlogText.Post(53, "Share a resource", "share a resource", Connection),
            BlogText.CutOff(52, "Join a webinar", "Webinars bring the world to your desk.", "Which topics matter most to your us"),
            BlogText.CutOff(60, "Find out about a library in another country", lookAbroad, "Learning about how others work can spark ide")));
        File.WriteAllText(Path.Combine(folder, "04-siblings.txt"), BlogText.TagArchive(
            "advocacy",
            BlogText.Sibling("The 10-Minute Library Advocate #13: Invite a decision-maker", "Seeing is believing."),
            BlogText.Sibling("The 10-Minute Digital Librarian #4: Try a new tool", "There is always something new to learn.")));
        File.WriteAllText(Path.Combine(folder, "notes.md"), BlogText.Post(99, "Not a text file to import", "skip this", Connection));
        return folder;
    }

    /// <summary>Everything an import can write, as comparable text.</summary>
    private Task<List<string>> SnapshotAsync() => _app.WithDbAsync(async db =>
    {
        var exercises = await db.Exercises.AsNoTracking().Include(e => e.Tags).Include(e => e.Initiatives).ThenInclude(l => l.KeyInitiative)
            .OrderBy(e => e.Number).ToListAsync();
        var rows = exercises.Select(e => string.Join(
            " | ",
            e.Number, e.Title, e.BodyMarkdown, e.BodyIsExcerpt, e.PublishedOn, e.PublishedOnPrecision, e.SourceUrl, e.UpdatedUtc.Ticks,
            string.Join(",", e.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal)),
            string.Join(",", e.Initiatives.Select(l => $"{l.KeyInitiative.Code}:{l.PublishedLabel}:{l.LabelDisagrees}")))).ToList();
        rows.Add($"audit entries {await db.AuditEntries.CountAsync()}");
        return rows;
    });

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
