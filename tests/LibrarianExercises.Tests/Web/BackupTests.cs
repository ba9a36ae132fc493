using System.Diagnostics;
using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Copying;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// The backups docs/operations.md gives, taken while the site runs and restored into a new database that a site then
/// serves with every row: SQLite's <c>VACUUM INTO</c>, PostgreSQL's <c>pg_dump</c> and <c>pg_restore</c>.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("librarian-backup-");

    [SqliteFact]
    public async Task ASqliteBackupTakenWhileTheSiteRunsRestoresEveryRow()
    {
        await using var site = LibrarianAppFactory.WithDatabaseFile().WithoutPostingLimit();
        await PostAsync(site);
        var backup = Path.Combine(_folder.FullName, "backup.db");

        await using (var connection = new SqliteConnection($"Data Source={site.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $file";
            command.Parameters.AddWithValue("$file", backup);
            await command.ExecuteNonQueryAsync();
        }

        var restored = Path.Combine(_folder.FullName, "restored.db");
        File.Copy(backup, restored);
        await using var again = new LibrarianAppFactory();
        again.Settings["ConnectionStrings:Library"] = "Data Source=" + restored;
        await AssertSameSiteAsync(site, again);
    }

    [PostgreSqlFact]
    public async Task APostgreSqlDumpTakenWhileTheSiteRunsRestoresEveryRow()
    {
        await using var site = new LibrarianAppFactory().WithoutPostingLimit();
        await PostAsync(site);
        var dump = Path.Combine(_folder.FullName, "library.dump");
        await RunAsync("pg_dump", site.ConnectionString, "--format=custom", "--file", dump);

        using var restored = TestDatabase.CreateEmpty();
        await RunAsync("pg_restore", restored.ConnectionString, "--no-owner", "--exit-on-error", dump);
        await using var again = new LibrarianAppFactory(restored, ownsDatabase: false);
        await AssertSameSiteAsync(site, again);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static async Task PostAsync(LibrarianAppFactory site)
    {
        using var poster = new ResponsePoster(site, "203.0.113.50");
        using var posted = await poster.PostAsync(89, ResponsePoster.Fields(name: "Backed up", text: "Kept by the backup."));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        await EditorSession.AddEditorAsync(site);
    }

    /// <summary>Every table has the same rows, and the restored site serves the response and finds it.</summary>
    private static async Task AssertSameSiteAsync(LibrarianAppFactory site, LibrarianAppFactory restored)
    {
        var before = await site.WithDbAsync(db => DatabaseCopy.CountRowsAsync(db, CancellationToken.None));
        var after = await restored.WithDbAsync(db => DatabaseCopy.CountRowsAsync(db, CancellationToken.None));
        Assert.Equal(before, after);
        Assert.Contains("Kept by the backup.", (await restored.GetDocumentAsync("/exercises/89")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Backed up", (await restored.GetDocumentAsync("/search?q=backup")).Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Runs one of PostgreSQL's programs against the database a connection string names.</summary>
    private static async Task RunAsync(string program, string connectionString, params string[] args)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var binaries = "/usr/lib/postgresql/15/bin";
        var start = new ProcessStartInfo(File.Exists(Path.Combine(binaries, program)) ? Path.Combine(binaries, program) : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--dbname=" + connection.Database);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {await output}{await errors}");
    }
}
