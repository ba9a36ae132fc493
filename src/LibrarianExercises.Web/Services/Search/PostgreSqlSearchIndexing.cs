using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// Indexes what a save queued for search, in the save's transaction when it has one: on PostgreSQL the index is
/// written by the app, which makes the text, from the queue that the database's triggers fill.
/// </summary>
internal sealed class PostgreSqlSearchIndexing(PostgreSqlSearchIndex index) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is LibrarianDbContext db)
        {
            index.CatchUpAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is LibrarianDbContext db)
        {
            await index.CatchUpAsync(db, cancellationToken);
        }

        return result;
    }
}
