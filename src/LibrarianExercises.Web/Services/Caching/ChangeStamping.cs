using System.Runtime.CompilerServices;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>
/// Raises this process's <see cref="ChangeStamp"/> in the same transaction as every save that changes what the public
/// pages show, whoever saves it (the stores, the importer, the seed), so that another process over the same database
/// (a running site, while this is a command-line import) knows its cached pages are out of date. A save outside a
/// transaction is given one, so that the stamp is never seen before the change, nor the change without it.
/// Each process raises its own row only: a site tells another writer's changes from its own, which its stores have
/// already evicted (<see cref="ForeignChangeWatch"/>).
/// </summary>
public sealed class ChangeStamping(TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    /// <summary>This process's row in <c>ChangeStamps</c>, made fresh at each start.</summary>
    public string Writer { get; } = Guid.NewGuid().ToString("N");

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && ChangesPages(context))
        {
            _pending.AddOrUpdate(context, new Pending(context.Database.CurrentTransaction is null ? Begin(context, context.Database.BeginTransaction()) : null));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && ChangesPages(context))
        {
            _pending.AddOrUpdate(context, new Pending(context.Database.CurrentTransaction is null ? Begin(context, await context.Database.BeginTransactionAsync(cancellationToken)) : null));
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            try
            {
                using (pending.Transaction)
                {
                    context.Database.ExecuteSql(RaiseStamp());
                    pending.Transaction?.Commit();
                }
            }
            finally
            {
                End(context, pending);
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            try
            {
                await using (pending.Transaction)
                {
                    await context.Database.ExecuteSqlAsync(RaiseStamp(), cancellationToken);
                    if (pending.Transaction is { } transaction)
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                }
            }
            finally
            {
                End(context, pending);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData?.Context);

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One statement that both PostgreSQL and SQLite read: the writer's row made on its first change, raised on the next.
    /// </summary>
    private FormattableString RaiseStamp()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return $"""
            INSERT INTO "ChangeStamps" ("Writer", "Version", "ChangedUtc") VALUES ({Writer}, 1, {now})
            ON CONFLICT ("Writer") DO UPDATE SET "Version" = "ChangeStamps"."Version" + 1, "ChangedUtc" = excluded."ChangedUtc"
            """;
    }

    /// <summary>
    /// Whether the save touches what pages show: anything but the editors' accounts, the keys, the instance's secrets,
    /// the audit trail and the stamps themselves. A new kind of data counts until it is named here.
    /// </summary>
    private static bool ChangesPages(DbContext context) =>
        context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not (AuditEntry or InstanceSecret or ChangeStamp)
            && e.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) != true);

    /// <summary>
    /// The transaction begun for the save. EF would otherwise wrap the save in a savepoint of it, which nothing here
    /// would ever roll back to.
    /// </summary>
    private static IDbContextTransaction Begin(DbContext context, IDbContextTransaction transaction)
    {
        context.Database.AutoSavepointsEnabled = false;
        return transaction;
    }

    private static void End(DbContext context, Pending pending)
    {
        if (pending.Transaction is not null)
        {
            context.Database.AutoSavepointsEnabled = true;
        }
    }

    /// <summary>The save failed or was cancelled: the transaction begun for it is rolled back, with nothing stamped.</summary>
    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            pending.Transaction?.Dispose();
            End(context, pending);
        }
    }

    /// <param name="Transaction">The transaction begun for the save, or null when the save was already in one.</param>
    private sealed record Pending(IDbContextTransaction? Transaction);
}
