using LibrarianExercises.Tests.Infrastructure;
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
        await using var old = await MigratedDatabase.AtAsync(Before);
        var db = old.Db;
        var migrator = old.Migrator;
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"StrategyVersions\" (\"Key\", \"Title\", \"Source\") VALUES ('2019-2024', 'IFLA Strategy 2019–2024', {stored})");

        await migrator.MigrateAsync();

        Assert.Equal(expected, await db.StrategyVersions.Select(v => v.Source).SingleAsync());
    }
}
