using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Auditing;

/// <summary>Which entries of the trail to show; every part is optional. The days are whole UTC days, both included.</summary>
public sealed record AuditFilter(int? ExerciseNumber = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null)
{
    public bool IsEmpty => ExerciseNumber is null && Actor is null && From is null && To is null;
}

/// <summary>One entry of the trail as the editors read it.</summary>
/// <param name="Restorable">A deleted response whose snapshot is kept and that has not been brought back yet.</param>
public sealed record AuditItem(
    long Id,
    DateTime WhenUtc,
    AuditActorKind ActorKind,
    string Actor,
    string? Detail,
    string EntityType,
    string EntityKey,
    int? ExerciseNumber,
    string Action,
    IReadOnlyList<FieldChange> Changes,
    DateTime? RestoredUtc,
    bool Restorable);

/// <summary>Reads the audit trail for the editors: newest first, a page at a time, by exercise, actor or days.</summary>
public sealed class AuditQueries(LibrarianDbContext db)
{
    public const int PageSize = 50;

    public async Task<PagedList<AuditItem>> PageAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = db.AuditEntries.AsQueryable();
        if (filter.ExerciseNumber is { } number)
        {
            entries = entries.Where(a => a.ExerciseNumber == number);
        }

        if (filter.Actor is { } actor)
        {
            entries = entries.Where(a => a.Actor == actor);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.WhenUtc >= start);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.WhenUtc < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var rows = await Project(entries
                .OrderByDescending(a => a.WhenUtc).ThenByDescending(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditItem>(rows.Select(r => r.ToItem()).ToList(), page, PageSize, total);
    }

    public async Task<AuditItem?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await Project(db.AuditEntries.Where(a => a.Id == id)).SingleOrDefaultAsync(cancellationToken))?.ToItem();

    /// <summary>Everyone and everything that has changed something, for choosing one: e-mail addresses, "import", "command line".</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.Select(a => a.Actor).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>The entries from which these deleted responses can be brought back, oldest response first.</summary>
    public async Task<IReadOnlyList<long>> RestorableDeletionsAsync(IReadOnlyCollection<int> responseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseIds);
        var keys = responseIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return await db.AuditEntries
            .Where(a => a.EntityType == AuditEntities.Response && a.Action == AuditActions.Deleted
                && a.RestoredUtc == null && a.Snapshot != null && keys.Contains(a.EntityKey))
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Row> Project(IQueryable<AuditEntry> entries) => entries.Select(a => new Row(
        a.Id,
        a.WhenUtc,
        a.ActorKind,
        a.Actor,
        a.Detail,
        a.EntityType,
        a.EntityKey,
        a.ExerciseNumber,
        a.Action,
        a.Changes,
        a.RestoredUtc,
        a.EntityType == AuditEntities.Response && a.Action == AuditActions.Deleted && a.RestoredUtc == null && a.Snapshot != null));

    private sealed record Row(
        long Id,
        DateTime WhenUtc,
        AuditActorKind ActorKind,
        string Actor,
        string? Detail,
        string EntityType,
        string EntityKey,
        int? ExerciseNumber,
        string Action,
        string Changes,
        DateTime? RestoredUtc,
        bool Restorable)
    {
        public AuditItem ToItem() => new(
            Id, WhenUtc, ActorKind, Actor, Detail, EntityType, EntityKey, ExerciseNumber, Action, AuditTrail.ReadChanges(Changes), RestoredUtc, Restorable);
    }
}
