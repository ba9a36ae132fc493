using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Markdown;

/// <summary>
/// Renders again, after start-up and in batches, every exercise and response whose stored HTML was made by another
/// version of its renderer than the running one, or never made (rows older than the stored HTML, rows written by
/// other tools). It runs in the background so that a renderer change does not hold up start-up; until a row is done,
/// the queries render it on reading.
/// </summary>
public sealed class StoredHtmlRefresh(IServiceScopeFactory scopes, WriteGate writes, ILogger<StoredHtmlRefresh> logger) : BackgroundService
{
    /// <summary>Rows rendered and saved in one transaction: short enough that a visitor's post never waits long for the database.</summary>
    public const int BatchSize = 200;

    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends with the number of rows rendered again, once none is stale.</summary>
    public Task<int> Completion => _completion.Task;

    /// <summary>Renders every stale row once. Returns how many were rendered again.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var exercises = await RefreshExercisesAsync(cancellationToken);
        var responses = await RefreshResponsesAsync(cancellationToken);
        if (exercises + responses > 0)
        {
            logger.LogInformation("Rendered again the stored HTML of {ExerciseCount} exercises and {ResponseCount} responses", exercises, responses);
        }

        return exercises + responses;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host goes on starting while this runs.
        await Task.Yield();
        try
        {
            _completion.TrySetResult(await RefreshAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(stoppingToken);
        }
#pragma warning disable CA1031 // The pages render stale rows themselves; a failure here must not stop the site.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Rendering stale stored HTML failed; pages render those rows on reading");
            _completion.TrySetException(e);
        }
    }

    private async Task<int> RefreshExercisesAsync(CancellationToken cancellationToken)
    {
        const int version = ExerciseMarkdownRenderer.Version;
        var done = 0;
        var after = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LibrarianDbContext>();
            var html = scope.ServiceProvider.GetRequiredService<StoredHtml>();
            // By id, from where the last batch ended: one pass over the table, however many rows are stale.
            var batch = await db.Exercises.AsNoTracking()
                .Where(e => e.Id > after && e.RenderedWith != version)
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Number, e.BodyMarkdown })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            var markdown = scope.ServiceProvider.GetRequiredService<ExerciseMarkdownRenderer>();
            var mentioned = batch.SelectMany(e => markdown.MentionedNumbers(e.BodyMarkdown)).ToHashSet();
            var published = await html.PublishedAmongAsync(mentioned, cancellationToken);
            var rendered = batch.Select(e => (e.Id, Text: html.Render(e.Number, e.BodyMarkdown, published))).ToList();
            done += await writes.RunAsync(
                async () =>
                {
                    var saved = 0;
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    foreach (var (id, text) in rendered)
                    {
                        // Only if still stale: a store that wrote the row meanwhile has rendered it from newer text.
                        saved += await db.Exercises
                            .Where(e => e.Id == id && e.RenderedWith != version)
                            .ExecuteUpdateAsync(
                                set => set.SetProperty(e => e.BodyHtml, text.Html)
                                    .SetProperty(e => e.FirstParagraph, text.FirstParagraph)
                                    .SetProperty(e => e.RenderedWith, version),
                                cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    return saved;
                },
                cancellationToken);
            after = batch[^1].Id;
        }
    }

    private async Task<int> RefreshResponsesAsync(CancellationToken cancellationToken)
    {
        const int version = ResponseMarkdownRenderer.Version;
        var done = 0;
        var after = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LibrarianDbContext>();
            var markdown = scope.ServiceProvider.GetRequiredService<ResponseMarkdownRenderer>();
            var batch = await db.Responses.AsNoTracking()
                .Where(r => r.Id > after && r.RenderedWith != version)
                .OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.BodyMarkdown })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            // Rendered before the transaction begins, so that the write lock is held only for the writes.
            var rendered = batch.Select(r => (r.Id, Html: markdown.ToHtml(r.BodyMarkdown))).ToList();
            done += await writes.RunAsync(
                async () =>
                {
                    var saved = 0;
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    foreach (var (id, bodyHtml) in rendered)
                    {
                        saved += await db.Responses
                            .Where(r => r.Id == id && r.RenderedWith != version)
                            .ExecuteUpdateAsync(set => set.SetProperty(r => r.BodyHtml, bodyHtml).SetProperty(r => r.RenderedWith, version), cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    return saved;
                },
                cancellationToken);
            after = batch[^1].Id;
        }
    }
}
