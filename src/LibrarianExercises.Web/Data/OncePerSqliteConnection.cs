using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// Sets a SQLite connection up once, the first time the app opens it. EF opens a pooled connection for every query,
/// and what is set on the native connection under the pool (pragmas, functions) lasts as long as that connection, so
/// doing it on every open would cost statements and registrations on every query.
/// </summary>
public abstract class OncePerSqliteConnection : DbConnectionInterceptor
{
    private static readonly object Done = new();

    private readonly ConditionalWeakTable<object, object> _configured = [];

    /// <summary>Sets up a native connection opened for the first time.</summary>
    protected abstract void Configure(SqliteConnection connection);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite && IsNew(sqlite))
        {
            Configure(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    /// <summary>True the first time this native SQLite connection (not the pooled wrapper around it) is seen.</summary>
    private bool IsNew(SqliteConnection connection) => connection.Handle is not { } handle || _configured.TryAdd(handle, Done);
}
