using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// The settings and the search functions are given to each native SQLite connection once, however often EF opens its
/// pooled wrapper, and last for as long as that connection.
/// </summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task APooledConnectionIsSetUpOnceAndKeepsItsSettingsAndFunctions()
    {
        var file = Path.Combine(Path.GetTempPath(), $"librarian-setup-{Guid.NewGuid():N}.db");
        var counting = new CountingSetup();
        try
        {
            var options = new DbContextOptionsBuilder<LibrarianDbContext>()
                .UseSqlite($"Data Source={file};Default Timeout=7")
                .AddInterceptors(counting, SqliteConnectionSettings.Instance, SearchFunctions.Instance)
                .Options;
            for (var query = 0; query < 10; query++)
            {
                await using var db = new LibrarianDbContext(options);
                Assert.Equal(SearchText.Words("Plain Wörds"), (await db.Database.SqlQueryRaw<string>("SELECT search_words('Plain Wörds') AS Value").ToListAsync()).Single());
                Assert.Null((await db.Database.SqlQueryRaw<string?>("SELECT search_words(NULL) AS Value").ToListAsync()).Single());
                Assert.Equal(1, (await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()).Single());
                Assert.Equal(7000, (await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync()).Single());
            }

            Assert.Equal(1, counting.Configured);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private sealed class CountingSetup : OncePerSqliteConnection
    {
        public int Configured { get; private set; }

        protected override void Configure(SqliteConnection connection) => Configured++;
    }
}
