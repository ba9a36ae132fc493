using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// Tells what kind of refusal a failed save met, so that stores and controllers never read a provider's error codes:
/// a second provider adds its codes here and nowhere else.
/// </summary>
public static class DatabaseErrors
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int SqliteUniqueConstraint = 2067;
    private const int SqlitePrimaryKeyConstraint = 1555;

    /// <summary>The save was refused because a row with the same value of a unique key is already stored.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetBaseException() is SqliteException { SqliteExtendedErrorCode: SqliteUniqueConstraint or SqlitePrimaryKeyConstraint };
    }

    /// <summary>The database refused a query as malformed (SQLite's generic SQLITE_ERROR, as a search expression gets).</summary>
    public static bool IsQueryRefused(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 1 };
}
