using System.Threading.Channels;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>
/// Commits visitors' new responses for <see cref="ResponseStore"/>, in groups: the responses posted while one commit
/// is under way are stored together by the next, in one transaction, so that a stream of posts pays for one commit
/// per group instead of one per response. Each post is answered only once its own group is committed, and nothing
/// waits to fill a group: a post that arrives alone is committed alone, at once. The pages that show the group's
/// responses are evicted once per group, after its commit and before anyone of it is answered, so that each writer's
/// next page shows their response and a stream of posts costs one re-rendering of those pages per group, not per post.
/// Each published response's place among its exercise's published responses is read once per group too, from the
/// counters the commit has just updated, so that its writer can be sent to the page where it stands.
/// </summary>
public sealed partial class ResponseCommits : IHostedLifecycleService, IAsyncDisposable, IDisposable
{
    /// <summary>At most this many responses in one transaction, so that one commit never holds the others long.</summary>
    public const int MaxGroup = 128;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly WriteGate _writes;
    private readonly PageCache _pages;
    private readonly ILogger<ResponseCommits> _logger;
    private readonly Task _committing;

    public ResponseCommits(IServiceScopeFactory scopes, WriteGate writes, PageCache pages, ILogger<ResponseCommits> logger)
    {
        _scopes = scopes;
        _writes = writes;
        _pages = pages;
        _logger = logger;
        _committing = Task.Run(CommitInGroupsAsync);
    }

    /// <summary>
    /// Completes once the response is committed (its <see cref="Response.Id"/> set) and the pages of its exercise
    /// (<paramref name="exerciseNumber"/>) are evicted; fails if it could not be stored. The result is the response's
    /// place among the exercise's published responses in page order (0 for the first), or null when it is not
    /// published or its place could not be told from the group alone.
    /// </summary>
    public Task<int?> CommitAsync(Response response, int exerciseNumber)
    {
        ArgumentNullException.ThrowIfNull(response);
        var pending = new Pending(response, exerciseNumber);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The site is stopping: the response was not stored.");
        }

        return pending.Committed.Task;
    }

    /// <summary>How many groups have been committed, and how many responses they held: what grouping achieved.</summary>
    public (long Groups, long Responses) Committed => (Interlocked.Read(ref _groups), Interlocked.Read(ref _responses));

    private long _groups;
    private long _responses;

    private async Task CommitInGroupsAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }

            try
            {
                await StoreAsync(group);
                await DoneAsync(group);
            }
#pragma warning disable CA1031 // Every failure is handed to the post that waits for it; the loop must go on for the others.
            catch (Exception e) when (group.Count > 1)
            {
                // One response that cannot be stored must not cost the others theirs: each is tried alone.
                LogGroupFailed(e, group.Count);
                var stored = new List<Pending>(group.Count);
                foreach (var one in group)
                {
                    try
                    {
                        await StoreAsync([one]);
                        stored.Add(one);
                    }
                    catch (Exception alone)
                    {
                        one.Committed.TrySetException(alone);
                    }
                }

                await DoneAsync(stored);
            }
            catch (Exception e)
            {
                group[0].Committed.TrySetException(e);
            }
#pragma warning restore CA1031

            group.Clear();
        }
    }

    private async Task StoreAsync(IReadOnlyList<Pending> group)
    {
        try
        {
            await StoreOnceAsync(group);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another process stored a response with one of these forms between the replay check and the commit, and
            // the database refused the second use of its nonce. The check, run again, finds that response now and
            // holds this one as a replay, as it would have if the other had come first in this process.
            LogFormUsedElsewhere(group.Count);
            await StoreOnceAsync(group);
        }
    }

    private async Task StoreOnceAsync(IReadOnlyList<Pending> group)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibrarianDbContext>();
        foreach (var pending in group)
        {
            db.Responses.Add(pending.Response);
        }

        // Not cancellable: these visitors have pressed the button, and are waiting to be told their words are kept.
        await _writes.RunAsync(async () =>
        {
            // One connection from the pool for the replay check, the commit and the counters read after it.
            await db.Database.OpenConnectionAsync(CancellationToken.None);
            await HoldReplaysAsync(db, group);
            await db.SaveChangesAsync(CancellationToken.None);
            // In the same turn, so that no other writer's change comes between the commit and the counters read.
            await ReadPlacesAsync(db, group);
            return 0;
        }, CancellationToken.None);
    }

    /// <summary>
    /// A post's form is checked for an earlier response when the post arrives, but two posts of the same form sent
    /// at once both pass that check. Here, in the write turn that stores them, where no other response of this
    /// process can be written in between, each response whose form's nonce is already stored, or taken by an earlier
    /// one of the group, is held as a replay and loses the nonce, which the unique key keeps for the first of a form's
    /// responses: that one stands. Another process's writes can still come in between; the key refuses those.
    /// </summary>
    private static async Task HoldReplaysAsync(LibrarianDbContext db, IReadOnlyList<Pending> group)
    {
        var nonces = group.Select(p => p.Response.FormNonce).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (nonces.Count == 0)
        {
            return;
        }

        var taken = (await db.Responses.Where(r => r.FormNonce != null && nonces.Contains(r.FormNonce))
            .Select(r => r.FormNonce!).ToListAsync(CancellationToken.None)).ToHashSet(StringComparer.Ordinal);
        foreach (var response in group.Select(p => p.Response))
        {
            if (response.FormNonce is { } nonce && !taken.Add(nonce))
            {
                var verdict = ResponseScreening.AsReplay(new ScreeningResult(response.Status, response.HoldReason));
                (response.Status, response.HoldReason) = (verdict.Status, verdict.Reason);
                response.FormNonce = null;
            }
        }
    }

    /// <summary>
    /// Sets each published response's place from its exercise's counter: the group's responses are the newest, so
    /// the last of them stands at the counter less one, the one before it one place earlier, and so on. Where an
    /// older row is dated after one of the group (a clock set back), the place is left unknown for the caller to count.
    /// Never throws: the responses are committed, and a place is only where to send their writers.
    /// </summary>
    private async Task ReadPlacesAsync(LibrarianDbContext db, IReadOnlyList<Pending> group)
    {
        var published = group.Where(p => p.Response.Status == ResponseStatus.Published).ToList();
        if (published.Count == 0)
        {
            return;
        }

        try
        {
            var exerciseIds = published.Select(p => p.Response.ExerciseId).Distinct().ToList();
            var firstId = group.Min(p => p.Response.Id);
            var earliest = published.Min(p => p.Response.CreatedUtc);
            var counters = await db.Exercises
                .Where(e => exerciseIds.Contains(e.Id))
                .Select(e => new
                {
                    e.Id,
                    e.PublishedResponseCount,
                    OlderRowsDatedLater = e.Responses.Count(r => r.Status == ResponseStatus.Published && r.CreatedUtc > earliest && r.Id < firstId),
                })
                .ToDictionaryAsync(e => e.Id, CancellationToken.None);
            foreach (var ofExercise in published.GroupBy(p => p.Response.ExerciseId))
            {
                if (!counters.TryGetValue(ofExercise.Key, out var counter) || counter.OlderRowsDatedLater > 0)
                {
                    continue;
                }

                var place = counter.PublishedResponseCount - 1;
                foreach (var pending in ofExercise.OrderByDescending(p => p.Response.CreatedUtc).ThenByDescending(p => p.Response.Id))
                {
                    pending.Place = Math.Max(place--, 0);
                }
            }
        }
#pragma warning disable CA1031 // See the summary: the caller counts the place itself when it is not set here.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogPlacesFailed(e);
        }
    }

    private async Task DoneAsync(IReadOnlyList<Pending> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _groups);
        Interlocked.Add(ref _responses, group.Count);
        try
        {
            // Held and spam responses show on no public page (nor are they counted there): only published ones evict.
            var shown = group.Where(p => p.Response.Status == ResponseStatus.Published).Select(p => p.ExerciseNumber).ToList();
            if (shown.Count > 0)
            {
                await _pages.ResponsesChangedAsync(shown, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // The responses are stored: a failed eviction is logged, and must not fail their posts.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogEvictionFailed(e);
        }

        foreach (var pending in group)
        {
            pending.Committed.TrySetResult(pending.Place);
        }
    }

    /// <summary>
    /// Once the host has stopped every hosted service, the server first (it stops taking requests and lets those under
    /// way finish): the responses still queued are committed, and their posts answered, while the services a commit
    /// needs (scopes, the database, the page cache) are still alive. Disposing the container comes after this, so a
    /// commit left for it would find them disposed. Not cancelled by the host's shutdown timeout: these visitors have
    /// pressed the button, and each commit is bounded by the database's busy timeout.
    /// </summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => DrainAsync();

    /// <summary>For a writer that no host stopped (the host failed to start, or a test made its own): the same.</summary>
    public async ValueTask DisposeAsync() => await DrainAsync();

    /// <summary>The same, for a container disposed synchronously: the site is stopping, so waiting here is right.</summary>
    public void Dispose() => DrainAsync().GetAwaiter().GetResult();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Not here: hosted services stop in the reverse order of their registration, so the server may stop after this,
    // and the posts it lets finish still need the queue.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        return _committing;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} responses could not be committed together; committing each alone")]
    private partial void LogGroupFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "A form of a group of {Count} responses was used by another process meanwhile; committing the group again")]
    private partial void LogFormUsedElsewhere(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Committed responses' pages could not be evicted from the page cache")]
    private partial void LogEvictionFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The places of committed responses could not be read; their posts count them instead")]
    private partial void LogPlacesFailed(Exception exception);

    private sealed record Pending(Response Response, int ExerciseNumber)
    {
        // Continued elsewhere than on the committing loop, so that no post's answer holds up the next group.
        public TaskCompletionSource<int?> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int? Place { get; set; }
    }
}
