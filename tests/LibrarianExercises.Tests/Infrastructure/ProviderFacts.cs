namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>A fact about SQLite itself (its file, its settings, FTS5, its migration history): skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "About SQLite only; the suite runs on PostgreSQL.";
        }
    }
}

/// <summary>A fact about PostgreSQL itself: skipped when the suite runs on SQLite.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = "About PostgreSQL only; the suite runs on SQLite.";
        }
    }
}

/// <summary>A theory about SQLite itself: skipped on PostgreSQL.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "About SQLite only; the suite runs on PostgreSQL.";
        }
    }
}
