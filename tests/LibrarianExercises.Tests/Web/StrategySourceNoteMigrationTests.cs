using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// A database seeded before the strategy's source note lost its sentence about the editors' work gets the new note
/// when it is migrated, unless the note was changed meanwhile.
/// </summary>
public sealed class StrategySourceNoteMigrationTests
{
    private const string Before = "20261202011726_PublishedExercisesIndexes";
    private const string NewNote = "IFLA's strategy pages on ifla.org (ifla.org/strategy and the pages for Strategic Directions 1 and 3), and the strategy lines of the exercise posts on blogs.ifla.org/lpa.";
    private const string OldNote = NewNote + " Names not found in any source are left empty for an editor to fill in.";

    [Theory]
    [InlineData(OldNote, NewNote)]
    [InlineData("A note of someone's own", "A note of someone's own")]
    public async Task MigratingTakesTheEditorsSentenceOutOfTheSourceNoteAsFirstShipped(string stored, string expected)
    {
        // A named in-memory database, kept alive by one connection while EF opens its own, which get the functions.
        var connectionString = $"Data Source=strategy-note-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync();
        await using var db = new LibrarianDbContext(new DbContextOptionsBuilder<LibrarianDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(SearchFunctions.Instance) // the search index's triggers call these
            .Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"StrategyVersions\" (\"Key\", \"Title\", \"Source\") VALUES ('2019-2024', 'IFLA Strategy 2019–2024', {stored})");

        await migrator.MigrateAsync();

        Assert.Equal(expected, await db.StrategyVersions.Select(v => v.Source).SingleAsync());
    }
}
