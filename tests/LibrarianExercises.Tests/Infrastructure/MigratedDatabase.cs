using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>
/// A database brought up to an earlier migration, for a migration's test to fill as an old site would have and then
/// migrate the rest of the way. A named in-memory database, kept alive by one connection while EF opens its own, which
/// get the functions the search index's triggers call.
/// </summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _keeper;

    private MigratedDatabase(SqliteConnection keeper, LibrarianDbContext db)
    {
        _keeper = keeper;
        Db = db;
    }

    public LibrarianDbContext Db { get; }

    public IMigrator Migrator => Db.GetService<IMigrator>();

    public static async Task<MigratedDatabase> AtAsync(string migration)
    {
        var connectionString = $"Data Source=migrated-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync();
        var db = new LibrarianDbContext(new DbContextOptionsBuilder<LibrarianDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(SearchFunctions.Instance)
            .Options);
        await db.GetService<IMigrator>().MigrateAsync(migration);
        return new MigratedDatabase(keeper, db);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _keeper.DisposeAsync();
    }
}
