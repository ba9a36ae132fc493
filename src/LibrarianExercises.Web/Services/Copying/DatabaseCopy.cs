using System.Reflection;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LibrarianExercises.Web.Services.Copying;

/// <summary>How many rows a table has in the database copied and in the copy.</summary>
public sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;
}

/// <summary>What a copy did: refused (and why), or the rows of every table on both sides.</summary>
public sealed record DatabaseCopyReport(string? Refused, IReadOnlyList<TableCount> Tables)
{
    public bool Succeeded => Refused is null && Tables.All(t => t.Matches);
}

/// <summary>
/// Copies everything the site holds from one database into an empty one, of either provider: every table of the
/// model, rows with their own keys, in the order of their foreign keys, so that the copy is the same site (the
/// editors' passwords and two-factor settings, the Data Protection key ring that signs cookies and forms, the
/// instance secrets). What the data keeps for itself is made again by the target as the rows arrive: the response
/// counters by its triggers, the search index by its triggers (and, on PostgreSQL, the app's indexing of them).
/// </summary>
public static class DatabaseCopy
{
    private const int Batch = 500;

    private static readonly MethodInfo CopyTableMethod = typeof(DatabaseCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CountMethod = typeof(DatabaseCopy).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<DatabaseCopyReport> CopyAsync(LibraryDatabase source, LibraryDatabase target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        await using var from = source.CreateContext();
        await using var to = target.CreateContext();
        await target.BeforeMigrateAsync(to, cancellationToken);
        await to.Database.MigrateAsync(cancellationToken);
        await target.AfterMigrateAsync(to, cancellationToken);

        var tables = InForeignKeyOrder(to.Model);
        foreach (var type in tables)
        {
            if (await CountOfAsync(to, type, cancellationToken) is > 0 and var rows)
            {
                return new DatabaseCopyReport(
                    $"The target database is not empty: {type.GetTableName()} has {rows} rows. Copy only into a new, empty database.", []);
            }
        }

        // One view of the source from the first table to the last, while its site goes on writing.
        await using (await source.BeginSnapshotAsync(from, cancellationToken))
        {
            foreach (var type in tables)
            {
                await (Task)CopyTableMethod.MakeGenericMethod(type.ClrType).Invoke(null, [from, to, type, cancellationToken])!;
            }

            await target.AfterCopyAsync(to, cancellationToken);
            await target.Search.CatchUpAsync(to, cancellationToken);

            var counts = new List<TableCount>();
            foreach (var type in tables)
            {
                counts.Add(new TableCount(type.GetTableName()!, await CountOfAsync(from, type, cancellationToken), await CountOfAsync(to, type, cancellationToken)));
            }

            return new DatabaseCopyReport(null, counts);
        }
    }

    /// <summary>The rows of every table of the model, by table: what a copy, a backup or a restore must keep.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in InForeignKeyOrder(db.Model))
        {
            rows[type.GetTableName()!] = await CountOfAsync(db, type, cancellationToken);
        }

        return rows;
    }

    /// <summary>The model's tables, each after the tables its foreign keys point to.</summary>
    internal static List<IEntityType> InForeignKeyOrder(IModel model)
    {
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType type)
        {
            if (!placed.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != type))
            {
                Place(principal);
            }

            ordered.Add(type);
        }

        foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            Place(type);
        }

        return ordered;
    }

    private static async Task CopyTableAsync<T>(LibrarianDbContext from, LibrarianDbContext to, IEntityType type, CancellationToken cancellationToken)
        where T : class
    {
        var rows = type.HasSharedClrType ? from.Set<T>(type.Name) : from.Set<T>();
        var into = type.HasSharedClrType ? to.Set<T>(type.Name) : to.Set<T>();
        var pending = 0;
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            into.Add(row);
            if (++pending == Batch)
            {
                await to.SaveChangesAsync(cancellationToken);
                to.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await to.SaveChangesAsync(cancellationToken);
        to.ChangeTracker.Clear();
    }

    private static Task<long> CountOfAsync(LibrarianDbContext db, IEntityType type, CancellationToken cancellationToken) =>
        (Task<long>)CountMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, cancellationToken])!;

    private static Task<long> CountAsync<T>(LibrarianDbContext db, IEntityType type, CancellationToken cancellationToken)
        where T : class =>
        (type.HasSharedClrType ? db.Set<T>(type.Name) : db.Set<T>()).LongCountAsync(cancellationToken);
}
