using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LibrarianExercises.Tests.Responses;

/// <summary>
/// A database from before a form's nonce was a unique key holds replays stored with the nonce they reused: migrating
/// it keeps every response, as it was, and leaves the nonce with the first response of each form only.
/// </summary>
public sealed class FormUsedOnceMigrationTests
{
    private const string Before = "20261207191358_ChangeStamps";

    [Fact]
    public async Task MigratingKeepsEveryResponseAndLeavesEachNonceWithTheFirstResponseOfItsForm()
    {
        await using var old = await MigratedDatabase.AtAsync(Before);
        var db = old.Db;
        var migrator = old.Migrator;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Exercises" ("Id", "Number", "Slug", "Title", "BodyMarkdown", "BodyIsExcerpt", "EditedFields", "PublishedOn", "PublishedOnPrecision", "ResponsesOpen", "CreatedUtc", "UpdatedUtc")
            VALUES (1, 89, 'make-a-connection', 'Make a connection', 'Text.', 0, 0, '2020-05-01', 0, 1, '2020-05-01 00:00:00', '2020-05-01 00:00:00');
            """);
        // As the group commit stored them: the first of form A published, its replays held (one kept as spam), the
        // first of form B held for another reason, and a response whose form was unreadable, without a nonce.
        var rows = new (int Id, string Name, string Status, string? Reason, string? Nonce)[]
        {
            (1, "First of A", "Published", null, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            (2, "First of B", "Held", "too-many-links", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
            (3, "Replay of A", "Held", "form-token-reused", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            (4, "Spam with A", "Spam", "honeypot-filled", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            (5, "Replay of B", "Held", "form-token-reused", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
            (6, "Without a form", "Held", "form-token-invalid", null),
            (7, "Also without", "Held", "form-token-invalid", null),
        };
        foreach (var (id, name, status, reason, nonce) in rows)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Responses" ("Id", "ExerciseId", "DisplayName", "BodyMarkdown", "BodyHtml", "DidExercise", "Status", "HoldReason", "FormNonce", "CreatedUtc")
                VALUES ({id}, 1, {name}, 'We did it.', '<p>We did it.</p>', 0, {status}, {reason}, {nonce}, '2026-01-01 00:00:00')
                """);
        }

        var countersBefore = await CountersAsync(db);

        await migrator.MigrateAsync();

        var stored = await db.Responses.OrderBy(r => r.Id).Select(r => new { r.Id, r.DisplayName, r.Status, r.HoldReason, r.FormNonce }).ToListAsync();
        Assert.Equal(rows.Select(r => (r.Id, r.Name, r.Status, r.Reason)), stored.Select(r => (r.Id, r.DisplayName, r.Status.ToString(), r.HoldReason)));
        Assert.Equal(
            ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", null, null, null, null, null],
            stored.Select(r => r.FormNonce));
        Assert.Equal(countersBefore, await CountersAsync(db));
        // And from now on the database itself refuses a second response with a form.
        var again = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Responses" ("ExerciseId", "DisplayName", "BodyMarkdown", "DidExercise", "Status", "FormNonce", "CreatedUtc")
            VALUES (1, 'Replay after the upgrade', 'Again.', 0, 'Held', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-02 00:00:00')
            """));
        Assert.Equal(2067, again.SqliteExtendedErrorCode);
    }

    private static async Task<(int Published, int Held, int Did)> CountersAsync(LibrarianDbContext db)
    {
        var counters = await db.Exercises.Select(e => new { e.PublishedResponseCount, e.HeldResponseCount, e.DidExerciseCount }).SingleAsync();
        return (counters.PublishedResponseCount, counters.HeldResponseCount, counters.DidExerciseCount);
    }
}
