using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// Per-connection SQLite settings for a web workload. With WAL, synchronous=NORMAL still never loses a committed
/// transaction when the application crashes (only a power cut can take the last ones), and saves an fsync per commit.
/// A busy timeout lets SQLite itself wait for another writer, in steps of milliseconds, before Microsoft.Data.Sqlite's
/// own retry (which sleeps far longer between tries) comes into play.
/// </summary>
public sealed class SqliteConnectionSettings : OncePerSqliteConnection
{
    public static SqliteConnectionSettings Instance { get; } = new();

    /// <summary>The busy timeout is the connection's own (the connection string's Default Timeout), in milliseconds.</summary>
    protected override void Configure(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={connection.DefaultTimeout * 1000};");
        command.ExecuteNonQuery();
    }
}
