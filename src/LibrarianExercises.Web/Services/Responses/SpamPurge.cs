using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>Deletes old spam in the background, at start and then every <see cref="ResponseOptions.SpamPurgeInterval"/>.</summary>
public sealed class SpamPurge(IServiceScopeFactory scopes, IOptions<ResponseOptions> options, TimeProvider clock, ILogger<SpamPurge> logger) : BackgroundService
{
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<ResponseStore>().PurgeSpamAsync(options.Value.SpamRetention, cancellationToken);
        logger.LogInformation("Purged {SpamCount} spam responses older than {SpamRetention}", purged, options.Value.SpamRetention);
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SpamPurgeInterval, clock);
        try
        {
            do
            {
                try
                {
                    await PurgeOnceAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A failed purge is retried at the next tick; it must not stop the site.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogError(e, "Purging old spam failed; trying again later");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
