using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// Per-connection SQLite settings for a web workload. With WAL, synchronous=NORMAL still never loses a committed
/// transaction when the application crashes (only a power cut can take the last ones), and saves an fsync per commit.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static SqliteConnectionSettings Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
