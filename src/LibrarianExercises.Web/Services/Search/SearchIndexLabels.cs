using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// Keeps the initiatives' names in the search index in step with the translations the running release ships: the
/// triggers index a name in every language when it is written, but a release with other translations changes no row.
/// </summary>
public static class SearchIndexLabels
{
    /// <summary>The row of SearchIndexState that holds the fingerprint of the translations the labels were made with.</summary>
    internal const string TranslationsKey = "strategy-translations";

    /// <summary>Indexes every initiative's name again when the translations are not those the index was made with.</summary>
    /// <returns>Whether the names were indexed again because the translations had changed since the last start.</returns>
    public static async Task<bool> RefreshAsync(LibrarianDbContext db, CancellationToken cancellationToken) =>
        await RefreshAsync(db, StrategyNameTranslations.Fingerprint, cancellationToken);

    internal static async Task<bool> RefreshAsync(LibrarianDbContext db, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Database
            .SqlQuery<string>($"""SELECT "Value" FROM "SearchIndexState" WHERE "Name" = {TranslationsKey}""")
            .SingleOrDefaultAsync(cancellationToken);
        if (stored == fingerprint)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Writing each name as it is fires the trigger that indexes its exercises' labels again (migration
        // SearchTagsAndInitiatives): the labels are made in one place, the triggers.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "KeyInitiatives" SET "Name" = "Name";""", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "SearchIndexState" ("Name", "Value") VALUES ({TranslationsKey}, {fingerprint})
            ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value";
            """,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored is not null;
    }
}
