using LibrarianExercises.Web.Data;
using Npgsql;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// Indexes what other writers queued for search (another instance, <c>psql</c>, a restore), as soon as their
/// transaction commits: the queue's triggers notify <c>librarian_search</c>, and this listens. What the app itself
/// writes is indexed in the same transaction already (<see cref="PostgreSqlSearchIndexing"/>), so that queue is
/// usually empty when the notification arrives.
/// </summary>
internal sealed partial class PostgreSqlSearchIndexListener(
    LibraryDatabase database,
    PostgreSqlSearchIndex index,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<PostgreSqlSearchIndexListener> logger) : BackgroundService
{
    public const string Channel = "librarian_search";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // What was queued before this listened.
                await CatchUpAsync(stoppingToken);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    await CatchUpAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database went away or refused: listen again shortly; the queue keeps what changed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogListenFailed(logger, e, RetryAfter);
                try
                {
                    await Task.Delay(RetryAfter, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await index.CatchUpAsync(scope.ServiceProvider.GetRequiredService<LibrarianDbContext>(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for search index changes failed; trying again in {RetryAfter}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, TimeSpan retryAfter);
}
