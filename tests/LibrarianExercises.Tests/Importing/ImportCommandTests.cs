using System.Diagnostics;
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
        Assert.Contains("#89 Make a connection [initiative 3.2] updated", lines);
        Assert.Equal("2 exercise(s): 1 created, 1 updated, 0 unchanged; 0 post(s) skipped; 0 file(s) failed.", lines[^1]);
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
    public async Task AMissingEmptyOrBinaryFileGetsAClearMessageAndAFailingExitCode()
    {
        var empty = Write("empty.txt", "");
        var binary = Path.Combine(_folder, "picture.png");
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        var latin1 = Path.Combine(_folder, "latin1.txt");
        await File.WriteAllBytesAsync(latin1, [0x43, 0x61, 0x66, 0xE9]);

        var exit = await RunAsync(Path.Combine(_folder, "missing.txt"), empty, binary, latin1);

        Assert.Equal(1, exit);
        var errors = _errors.ToString();
        Assert.Contains("missing.txt: cannot read it (no such file)", errors, StringComparison.Ordinal);
        Assert.Contains("empty.txt: the text is empty", errors, StringComparison.Ordinal);
        Assert.Contains("picture.png: cannot read it (it is not a text file)", errors, StringComparison.Ordinal);
        Assert.Contains("latin1.txt: cannot read it (it is not UTF-8 text)", errors, StringComparison.Ordinal);
        Assert.EndsWith("4 file(s) failed.", _output.ToString().Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--force", "posts.txt")]
    public async Task AWrongCommandLineShowsTheUsage(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: import [--dry-run] FILE...", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProgramRunsTheImportVerbAgainstItsDatabase()
    {
        var database = Path.Combine(_folder, "cli.db");
        var file = Write("posts.txt", BlogText.Post(7, "Map your partners", "map your partners", Connection));
        var program = Path.Combine(AppContext.BaseDirectory, "LibrarianExercises.Web.dll");

        var (exit, output) = await RunProgramAsync(program, database, "import", file);
        // Settings may also come on the command line, as for the web host.
        var (secondExit, secondOutput) = await RunProgramAsync(program, null, "import", file, "--ConnectionStrings:Library=Data Source=" + database);

        Assert.True(exit == 0, output);
        Assert.Contains("#7 Map your partners [initiative 3.2] created", output, StringComparison.Ordinal);
        Assert.Equal(0, secondExit);
        Assert.Contains("#7 Map your partners [initiative 3.2] unchanged", secondOutput, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunProgramAsync(string program, string? database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (database is not null)
        {
            start.Environment["ConnectionStrings__Library"] = "Data Source=" + database;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task AFileThatCannotBeSavedIsReportedAndTheOthersAreStillImported()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_999 BEFORE INSERT ON Exercises WHEN NEW.Number = 999 BEGIN SELECT RAISE(ABORT, 'refused'); END;"));
        var broken = Write("broken.txt", BlogText.Post(998, "Fine", "be fine", Connection) + BlogText.Post(999, "Refused", "be refused", Connection));
        var good = Write("good.txt", BlogText.Post(7, "Map your partners", "map your partners", Connection));

        var exit = await RunAsync(broken, good);

        Assert.Equal(1, exit);
        Assert.Contains("broken.txt: could not be saved", _errors.ToString(), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 998)));
        Assert.True(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 7)));
    }

    private Task<int> RunAsync(params string[] args) => ImportCommand.RunAsync(_app.Services, args, _output, _errors);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
