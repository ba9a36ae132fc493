using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Data.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>
/// A database of the tests' provider for one app (or several over it): SQLite unless LIBRARIAN_TEST_PROVIDER says
/// PostgreSql, in which case LIBRARIAN_TEST_POSTGRES is the server's connection string (.ci/run starts one; README
/// says how to run the suite on it). On PostgreSQL every database is a copy of a template migrated and seeded once
/// per run, so that an app starts on it as on a site already installed.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public const string ProviderVariable = "LIBRARIAN_TEST_PROVIDER";
    public const string PostgresVariable = "LIBRARIAN_TEST_POSTGRES";

    /// <summary>The provider the suite runs on.</summary>
    public static DatabaseProvider SuiteProvider { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } configured
            ? Enum.Parse<DatabaseProvider>(configured, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => SuiteProvider == DatabaseProvider.PostgreSql;

    /// <summary>This database's provider: the suite's, but for <see cref="CreateSqliteFile"/>.</summary>
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The SQLite file, for a database made with a file; null in memory and on PostgreSQL.</summary>
    public virtual string? File => null;

    /// <summary>The settings that point an app or a program at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [LibraryDatabase.ProviderKey] = Provider.ToString(),
        ["ConnectionStrings:" + LibraryDatabase.ConnectionStringName] = ConnectionString,
    };

    /// <summary>Configures the app's context whatever its type on the provider (PostgreSQL's has a type of its own).</summary>
    public static void ConfigureContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        if (IsPostgreSql)
        {
            services.ConfigureDbContext<PostgreSqlLibrarianDbContext>(configure);
        }
        else
        {
            services.ConfigureDbContext<LibrarianDbContext>(configure);
        }
    }

    /// <summary>SQL that makes the database refuse to insert the exercise numbered 999, for tests of failed saves.</summary>
    public static string RefuseExercise999 => IsPostgreSql
        ? """
          CREATE FUNCTION refuse_999() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
          CREATE TRIGGER refuse_999 BEFORE INSERT ON "Exercises" FOR EACH ROW WHEN (NEW."Number" = 999) EXECUTE FUNCTION refuse_999();
          """
        : "CREATE TRIGGER refuse_999 BEFORE INSERT ON Exercises WHEN NEW.Number = 999 BEGIN SELECT RAISE(ABORT, 'refused'); END;";

    /// <summary>A new database: in memory or, with <paramref name="file"/>, in a file on SQLite; a new database on PostgreSQL.</summary>
    public static TestDatabase Create(bool file = false) =>
        IsPostgreSql ? PostgreSqlTestDatabase.CopyOfTemplate() : new SqliteTestDatabase(file);

    /// <summary>A SQLite file, whichever provider the suite runs on: for moving a site from SQLite to another database.</summary>
    public static TestDatabase CreateSqliteFile() => new SqliteTestDatabase(file: true);

    /// <summary>A database with nothing in it, not even the schema, as a new install meets: a file not yet made on SQLite.</summary>
    public static TestDatabase CreateEmpty() =>
        IsPostgreSql ? PostgreSqlTestDatabase.CreateNew() : new SqliteTestDatabase(file: true);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly SqliteConnection? _keepAlive;
        private readonly string? _file;

        public SqliteTestDatabase(bool file)
        {
            if (file)
            {
                _file = Path.Combine(Path.GetTempPath(), $"librarian-tests-{Guid.NewGuid():N}.db");
                ConnectionString = $"Data Source={_file}";
            }
            else
            {
                // A named in-memory database lives as long as a connection to it is open.
                ConnectionString = $"Data Source=file:librarian-tests-{Guid.NewGuid():N}?mode=memory&cache=shared";
                _keepAlive = new SqliteConnection(ConnectionString);
                _keepAlive.Open();
            }
        }

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string ConnectionString { get; }

        public override string? File => _file;

        protected override void Dispose(bool disposing)
        {
            if (!disposing)
            {
                return;
            }

            _keepAlive?.Dispose();
            if (_file is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
                {
                    System.IO.File.Delete(path);
                }
            }
        }
    }
}
