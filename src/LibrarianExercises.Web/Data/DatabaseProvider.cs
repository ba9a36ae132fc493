namespace LibrarianExercises.Web.Data;

/// <summary>The database server that keeps the library, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>A file beside the app (the default): nothing to install or run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for operators who run one, and for several instances over one database.</summary>
    PostgreSql,
}
