using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;

namespace LibrarianExercises.Web.Services.Importing;

public sealed record ImportReport(
    IReadOnlyList<ExerciseSaveResult> Exercises,
    IReadOnlyList<SkippedPost> Skipped,
    bool DryRun);

/// <summary>Input the importer cannot use at all; nothing of it has been written.</summary>
public sealed class ImportRejectedException(string message) : Exception(message);

/// <summary>Imports text copied from the blog: every post of one text is written, or none is.</summary>
public sealed class ExerciseImporter(LibrarianDbContext db, ExerciseStore store, AuditActor actor, Caching.PageCache pages, ILogger<ExerciseImporter> logger)
{
    /// <param name="text">The copied text.</param>
    /// <param name="dryRun">Work out the changes in a transaction that is then rolled back.</param>
    /// <param name="sourceName">The file's name, or what the text was, for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of the text is then written.</param>
    public async Task<ImportReport> ImportAsync(string text, bool dryRun, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportRejectedException("the text is empty");
        }

        var document = BlogPostParser.Parse(text);
        if (document.Posts.Count == 0)
        {
            var why = document.Skipped.Count == 0
                ? "no post of The 10-Minute International Librarian was found"
                : $"no post of The 10-Minute International Librarian was found ({document.Skipped.Count} post(s) of other series skipped)";
            throw new ImportRejectedException(why);
        }

        string[] tags = document.TopicalTag is { } topical
            ? [topical, BlogPostParser.SeriesTagName]
            : [BlogPostParser.SeriesTagName];

        var results = new List<ExerciseSaveResult>(document.Posts.Count);
        // Recorded as the importer's doing, with the file and, from the browser, the editor who ran it.
        var detail = actor.SignedInEditor is { } editor ? $"{sourceName}, run by {editor}" : sourceName;
        using (actor.Use(new AuditIdentity(AuditActorKind.Import, AuditIdentity.ImportName, detail)))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var post in document.Posts)
            {
                results.Add(await store.SaveImportedAsync(post, tags, cancellationToken));
            }

            if (dryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
                // Again once committed: a page cached between the store's eviction and the commit showed the old data.
                await pages.CollectionChangedAsync(cancellationToken);
            }
        }

        logger.LogInformation(
            "Imported {PostCount} posts ({Created} created, {Updated} updated), skipped {SkippedCount}, dry run {DryRun}",
            results.Count,
            results.Count(r => r.Change == ExerciseChange.Created),
            results.Count(r => r.Change == ExerciseChange.Updated),
            document.Skipped.Count,
            dryRun);
        return new ImportReport(results, document.Skipped, dryRun);
    }
}
