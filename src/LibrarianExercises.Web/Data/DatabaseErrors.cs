using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// Tells what kind of refusal a failed save met, so that stores and controllers never read a provider's error codes:
/// each provider's codes are here and nowhere else.
/// </summary>
public static class DatabaseErrors
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int SqliteUniqueConstraint = 2067;
    private const int SqlitePrimaryKeyConstraint = 1555;

    /// <summary>The save was refused because a row with the same value of a unique key is already stored.</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetBaseException() is SqliteException { SqliteExtendedErrorCode: SqliteUniqueConstraint or SqlitePrimaryKeyConstraint }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
    }

    /// <summary>
    /// The database refused a query as malformed: SQLite's generic SQLITE_ERROR, as a search expression gets, or
    /// PostgreSQL's syntax error, as a text-search query gets.
    /// </summary>
    public static bool IsQueryRefused(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 1 } or PostgresException { SqlState: PostgresErrorCodes.SyntaxError };
}
