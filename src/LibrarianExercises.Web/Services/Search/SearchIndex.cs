using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// The full-text index of exercises (title, text, labels) and published responses, in the configured database: what
/// the providers do differently to find and mark words. The index holds the text as <see cref="SearchText"/> makes it
/// on both, so that a query finds the same things on either. What may be shown is decided by
/// <see cref="SearchQueries"/> from the live tables, not by the index.
/// </summary>
public abstract class SearchIndex
{
    /// <summary>The row of SearchIndexState that holds the fingerprint of the translations the labels were made with.</summary>
    internal const string TranslationsKey = "strategy-translations";

    /// <summary>Snippets of an exercise's text are about this many words long.</summary>
    protected const int ExerciseSnippetWords = 24;

    protected const int ResponseSnippetWords = 32;

    /// <summary>
    /// Every exercise the query finds, with its title and a snippet of its text, the matches marked with
    /// <see cref="SearchText.MatchStart"/> and <see cref="SearchText.MatchEnd"/>. Ranked best first by
    /// <see cref="SearchMatch.Rank"/> ascending: a match in the title weighs most, then one in a tag's or an initiative's
    /// name, then one in the text. Marking is costly, so the provider's query should mark only the rows read.
    /// </summary>
    public abstract IQueryable<SearchMatch> Exercises(LibrarianDbContext db, SearchQuery query);

    /// <summary>Every indexed (published) response the query finds, with a marked snippet, best first.</summary>
    public abstract IQueryable<SearchMatch> Responses(LibrarianDbContext db, SearchQuery query);

    /// <summary>The marks of a title or snippet as the visitor should see them: around the query's words only.</summary>
    public virtual string? Marks(string? marked, SearchQuery query) => marked;

    /// <summary>Brings the index up to date with what was written through this context, in its transaction if it has one.</summary>
    public virtual Task CatchUpAsync(LibrarianDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Keeps the initiatives' names in the index in step with the translations the running release ships: a name is
    /// indexed in every language when it is written, but a release with other translations changes no row. Indexes
    /// every initiative's name again when the translations are not those the index was made with.
    /// </summary>
    /// <returns>Whether the names were indexed again because the translations had changed since the last start.</returns>
    public Task<bool> RefreshLabelsAsync(LibrarianDbContext db, CancellationToken cancellationToken) =>
        RefreshLabelsAsync(db, StrategyNameTranslations.Fingerprint, cancellationToken);

    internal async Task<bool> RefreshLabelsAsync(LibrarianDbContext db, string fingerprint, CancellationToken cancellationToken)
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
        // Writing each name as it is fires the trigger that indexes its exercises' labels again: the labels are made
        // in one place, where every write of a name reaches them.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "KeyInitiatives" SET "Name" = "Name";""", cancellationToken);
        await CatchUpAsync(db, cancellationToken);
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

/// <summary>A row the index found: an exercise's or a response's id, its rank (lower is better) and its marked text.</summary>
public sealed class SearchMatch
{
    public int Id { get; init; }

    public double Rank { get; init; }

    /// <summary>An exercise's title with its matches marked; null for a response.</summary>
    public string? Title { get; init; }

    public string? Snippet { get; init; }
}
