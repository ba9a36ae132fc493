using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Editors;

/// <summary>What waits for the editors, at a glance.</summary>
/// <param name="NeedingFullPost">How many exercises are known only in part (not retired), and so not published.</param>
/// <param name="FirstNeedingFullPost">The first of them by number, each for a link to its editor.</param>
public sealed record EditorsDesk(
    int HeldResponses,
    int SpamResponses,
    int Exercises,
    int RetiredExercises,
    int MappingsToCheck,
    int UnnamedInitiatives,
    int NeedingFullPost,
    IReadOnlyList<ExerciseToComplete> FirstNeedingFullPost);

public sealed record ExerciseToComplete(int Number, string Title);

public sealed class EditorsDeskQueries(LibrarianDbContext db)
{
    /// <summary>How many of the exercises needing their full post the desk names; the rest are a link away.</summary>
    public const int NeedingFullPostShown = 20;

    public async Task<EditorsDesk> DeskAsync(CancellationToken cancellationToken)
    {
        const string versionKey = StrategySeeder.ExerciseSeriesVersionKey;
        // Known only from a listing page: not published until the full post is imported or an editor completes it.
        var partial = db.Exercises.Where(e => e.RetiredUtc == null && e.BodyIsExcerpt);
        return new EditorsDesk(
            await db.Responses.CountAsync(r => r.Status == ResponseStatus.Held, cancellationToken),
            await db.Responses.CountAsync(r => r.Status == ResponseStatus.Spam, cancellationToken),
            await db.Exercises.Published().CountAsync(cancellationToken),
            await db.Exercises.CountAsync(e => e.RetiredUtc != null, cancellationToken),
            await db.ExerciseInitiatives.OfPublishedExercises().CountAsync(l => l.LabelDisagrees, cancellationToken),
            await db.KeyInitiatives.CountAsync(i => i.Name == "" && i.StrategicDirection.StrategyVersion.Key == versionKey, cancellationToken),
            await partial.CountAsync(cancellationToken),
            await partial.OrderBy(e => e.Number).Take(NeedingFullPostShown).Select(e => new ExerciseToComplete(e.Number, e.Title)).ToListAsync(cancellationToken));
    }
}
