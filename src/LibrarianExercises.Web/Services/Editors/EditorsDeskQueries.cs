using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Editors;

/// <summary>What waits for the editors, at a glance.</summary>
public sealed record EditorsDesk(int HeldResponses, int SpamResponses, int Exercises, int RetiredExercises, int MappingsToCheck, int UnnamedInitiatives);

public sealed class EditorsDeskQueries(LibrarianDbContext db)
{
    public async Task<EditorsDesk> DeskAsync(CancellationToken cancellationToken)
    {
        const string versionKey = StrategySeeder.ExerciseSeriesVersionKey;
        return new EditorsDesk(
            await db.Responses.CountAsync(r => r.Status == ResponseStatus.Held, cancellationToken),
            await db.Responses.CountAsync(r => r.Status == ResponseStatus.Spam, cancellationToken),
            await db.Exercises.Published().CountAsync(cancellationToken),
            await db.Exercises.CountAsync(e => e.RetiredUtc != null, cancellationToken),
            await db.ExerciseInitiatives.OfPublishedExercises().CountAsync(l => l.LabelDisagrees, cancellationToken),
            await db.KeyInitiatives.CountAsync(i => i.Name == "" && i.StrategicDirection.StrategyVersion.Key == versionKey, cancellationToken));
    }
}
