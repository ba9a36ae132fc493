namespace LibrarianExercises.Web.Data;

/// <summary>
/// Lets the frequent writers of this process (posted responses, moderation, the stored-HTML pass) write one at a time.
/// SQLite takes one writer at a time anyway; a second one that finds the database locked is retried by
/// Microsoft.Data.Sqlite after putting its thread to sleep, which under a stream of posts costs far more than the
/// writes themselves and ties up thread-pool threads. Writers waiting here wait asynchronously, in turn, and find the
/// database free. Other processes (the command line) are still waited for by the busy timeout.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
