using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// Per-connection SQLite settings for a web workload. With WAL, synchronous=NORMAL still never loses a committed
/// transaction when the application crashes (only a power cut can take the last ones), and saves an fsync per commit.
/// A busy timeout lets SQLite itself wait for another writer, in steps of milliseconds, before Microsoft.Data.Sqlite's
/// own retry (which sleeps far longer between tries) comes into play.
/// </summary>
/// <remarks>
/// EF opens a pooled connection for every query, and each open would cost a statement; the setting lasts as long as
/// the SQLite connection under the pool, so it is made once for each.
/// </remarks>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static readonly object Done = new();

    public static SqliteConnectionSettings Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Settings(connection);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Settings(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The busy timeout is the connection's own (the connection string's Default Timeout), in milliseconds.</summary>
    private static string Settings(DbConnection connection) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30) * 1000};");

    /// <summary>True the first time this SQLite connection (not the pooled wrapper around it) is seen.</summary>
    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Done);
}
