using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Strategy;

/// <summary>The one place where editors change the strategy itself (its initiatives' names), with an audit entry.</summary>
public sealed class StrategyStore(LibrarianDbContext db, AuditTrail audit, PageCache pages)
{
    public const int NameMaxLength = 400;

    /// <returns>False when the series' edition has no initiative with that code.</returns>
    public async Task<bool> NameInitiativeAsync(string code, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var initiative = await db.KeyInitiatives
            .SingleOrDefaultAsync(i => i.Code == code && i.StrategicDirection.StrategyVersion.Key == StrategySeeder.ExerciseSeriesVersionKey, cancellationToken);
        if (initiative is null)
        {
            return false;
        }

        var trimmed = name.Trim();
        if (initiative.Name == trimmed)
        {
            return true;
        }

        audit.Record(AuditEntities.Initiative, code, AuditActions.Named, [new FieldChange("name", initiative.Name.Length > 0 ? initiative.Name : null, trimmed.Length > 0 ? trimmed : null)]);
        initiative.Name = trimmed;
        await db.SaveChangesAsync(cancellationToken);
        await pages.CollectionChangedAsync(cancellationToken);
        return true;
    }
}
