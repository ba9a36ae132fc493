using System.Text.Json;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Auditing;

/// <summary>One field's value before and after a change, as text.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// Records changes for the stores. An entry is only added to the unit of work: it is saved by the store's own
/// SaveChanges, so that the change and its record are written together or not at all.
/// </summary>
public sealed class AuditTrail(LibrarianDbContext db, AuditActor actor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public AuditEntry Record(string entityType, string entityKey, string action, IReadOnlyList<FieldChange>? changes = null, int? exerciseNumber = null, string? snapshot = null)
    {
        var who = actor.Current;
        var entry = new AuditEntry
        {
            WhenUtc = clock.GetUtcNow().UtcDateTime,
            ActorKind = who.Kind,
            Actor = who.Name,
            Detail = who.Detail,
            EntityType = entityType,
            EntityKey = entityKey,
            ExerciseNumber = exerciseNumber,
            Action = action,
            Changes = JsonSerializer.Serialize(changes ?? [], Json),
            Snapshot = snapshot,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public static IReadOnlyList<FieldChange> ReadChanges(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? [];

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json);
}
