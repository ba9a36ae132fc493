using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>
/// Keeps a running site's cached pages in step with changes that another process makes to the same database (an
/// <c>import</c> from the command line, a second instance of the site). Once a second (by default; see
/// <see cref="PageCacheOptions.ChangeWatchInterval"/>) it reads the other writers' <see cref="ChangeStamp"/> rows, one
/// small query whatever the traffic; when they have moved, every cached page is
/// evicted. The site's own changes raise only its own row, which it leaves aside: its stores have evicted those pages
/// already, each with its own tags.
/// </summary>
public sealed partial class ForeignChangeWatch(
    IServiceScopeFactory scopes,
    ChangeStamping stamping,
    PageCache pages,
    IOptions<PageCacheOptions> options,
    TimeProvider clock,
    ILogger<ForeignChangeWatch> logger)
    : BackgroundService
{
    private readonly TimeSpan _interval = options.Value.ChangeWatchInterval;

    /// <summary>The rows of writers silent this long are cleared away at start: each command-line run leaves one.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private Others? _seen;
    private bool _failing;

    /// <summary>Reads where the other writers stand before the site takes requests, so that no change made after goes unseen.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero)
        {
            LogWatchOff();
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LibrarianDbContext>();
            var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
            await db.ChangeStamps.Where(s => s.Writer != stamping.Writer && s.ChangedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
            _seen = await ReadOthersAsync(db, cancellationToken);
        }
#pragma warning disable CA1031 // The site can serve without the watch; the first tick tries again.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogReadFailed(e);
            _failing = true;
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads the other writers' stamps once, and evicts every cached page if they have moved since the last read.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var others = await ReadOthersAsync(scope.ServiceProvider.GetRequiredService<LibrarianDbContext>(), cancellationToken);
        var moved = _seen is not null && others != _seen;
        _seen = others;
        if (moved)
        {
            await pages.CollectionChangedAsync(cancellationToken);
            LogChangedElsewhere();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the app's clock: this is how soon a page catches up, not a rule about dates.
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(stoppingToken);
                    if (_failing)
                    {
                        _failing = false;
                        LogReadRecovered();
                    }
                }
#pragma warning disable CA1031 // A failed read is tried again at the next tick; it must not stop the site.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    // Logged once until it reads again, not once a second.
                    if (!_failing)
                    {
                        _failing = true;
                        LogReadFailed(e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping.
        }
    }

    /// <summary>
    /// How many other writers there are and the sum of their versions: each version only grows, so any change by
    /// another writer changes the sum, and a row cleared away changes both.
    /// </summary>
    private async Task<Others> ReadOthersAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        var others = await db.ChangeStamps.AsNoTracking()
            .Where(s => s.Writer != stamping.Writer)
            .GroupBy(_ => 1)
            .Select(g => new Others(g.Count(), g.Sum(s => s.Version)))
            .SingleOrDefaultAsync(cancellationToken);
        return others ?? new Others(0, 0);
    }

    private sealed record Others(int Writers, long Versions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process changed the database: every cached page evicted")]
    private partial void LogChangedElsewhere();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the other writers' change stamps; cached pages may miss their changes until it can")]
    private partial void LogReadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "PageCache:ChangeWatchInterval is 0: changes made by other processes show on cached pages only when those expire")]
    private partial void LogWatchOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "The other writers' change stamps are read again")]
    private partial void LogReadRecovered();
}
