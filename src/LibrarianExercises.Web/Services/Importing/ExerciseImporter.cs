using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Exercises;

namespace LibrarianExercises.Web.Services.Importing;

/// <param name="NothingToImport">
/// Why nothing of the text was imported when it holds no post of the series (only sibling series, an archive page
/// without posts, an introduction, nothing at all); null when it holds some. This is not a failure.
/// </param>
/// <param name="Warnings">What the editor should know of the text as a whole (each exercise has its own warnings).</param>
public sealed record ImportReport(
    IReadOnlyList<ExerciseSaveResult> Exercises,
    IReadOnlyList<SkippedPost> Skipped,
    bool DryRun,
    string? NothingToImport = null,
    IReadOnlyList<string>? Warnings = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = Warnings ?? [];

    /// <summary>
    /// The warning for a listing page copied without its archive heading, whose posts are imported without the tag
    /// or month the page stood for.
    /// </summary>
    public const string NoArchiveHeading =
        "it looks like a listing page, but no archive heading (“Tag Archives: …”, “Monthly Archives: …”) was found in it, so its posts got no tag or month from the page; copy the page with its heading to give them those";
}

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
            return new ImportReport([], [], dryRun, "the text is empty");
        }

        var document = BlogPostParser.Parse(text);
        if (document.Posts.Count == 0)
        {
            logger.LogInformation("Nothing to import from {Source}: {SkippedCount} other post(s) skipped", sourceName, document.Skipped.Count);
            return new ImportReport([], document.Skipped, dryRun, WhyNothing(document));
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
        if (document.ListingWithoutHeading)
        {
            logger.LogInformation("{Source} looks like a listing page without an archive heading: no tag or month taken from it", sourceName);
        }

        return new ImportReport(results, document.Skipped, dryRun, Warnings: document.ListingWithoutHeading ? [ImportReport.NoArchiveHeading] : []);
    }

    private static string WhyNothing(ParsedDocument document) => document switch
    {
        { Skipped.Count: > 0 } => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"no post of The 10-Minute International Librarian in it ({document.Skipped.Count} other post(s) skipped)"),
        { Heading: not null } => "an archive page with no post on it",
        _ => "no post of The 10-Minute International Librarian in it",
    };
}
