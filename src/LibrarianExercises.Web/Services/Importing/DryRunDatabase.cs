using Microsoft.Data.Sqlite;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary>
/// The database <c>import --dry-run</c> works on: a copy in memory of the library's database file or, when there is no
/// file yet, a new database in memory, which start-up migrates and gives the starting content as it would the file.
/// The texts are then imported into it for real, one after another, so that the report says exactly what a real run
/// would do, while nothing on disk changes: a database that does not exist yet is not even created.
/// </summary>
public sealed class DryRunDatabase : IDisposable
{
    // An in-memory database lives as long as a connection to it is open.
    private readonly SqliteConnection _keepAlive;

    private DryRunDatabase(string databaseFile)
    {
        ConnectionString = $"Data Source=file:librarian-dry-run-{Guid.NewGuid():N}?mode=memory&cache=shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
        if (File.Exists(databaseFile))
        {
            // Only read, never created. Opened for writing all the same, because a database in WAL mode leaves its -wal
            // and -shm files behind after a read-only connection; not pooled, so that it is let go once copied.
            var source = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            using var connection = new SqliteConnection(source.ToString());
            connection.Open();
            connection.BackupDatabase(_keepAlive);
        }
        else
        {
            Note = $"The database {databaseFile} does not exist yet: this dry run works on a new one in memory, with the starting content a first start loads, and does not create it.";
        }
    }

    public string ConnectionString { get; }

    /// <summary>What the report should say first, if anything: that the database does not exist yet.</summary>
    public string? Note { get; }

    public static DryRunDatabase CopyOf(string databaseFile) => new(databaseFile);

    public void Dispose() => _keepAlive.Dispose();
}
