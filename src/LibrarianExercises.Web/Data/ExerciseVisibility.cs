using System.Linq.Expressions;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// The one definition of a published exercise: one an editor has not retired. Every public page reads exercises
/// through it; the editors' pages see them all.
/// </summary>
public static class ExerciseVisibility
{
    public static readonly Expression<Func<Exercise, bool>> IsPublished = e => e.RetiredUtc == null;

    private static readonly Func<Exercise, bool> IsPublishedInMemory = IsPublished.Compile();

    /// <summary>The same rule for an exercise in memory, such as one about to be saved.</summary>
    public static bool Published(this Exercise exercise) => IsPublishedInMemory(exercise);

    public static IQueryable<Exercise> Published(this IQueryable<Exercise> exercises) => exercises.Where(IsPublished);

    /// <summary>The strategy links of published exercises, the same rule seen from the link.</summary>
    public static IQueryable<ExerciseInitiative> OfPublishedExercises(this IQueryable<ExerciseInitiative> links) =>
        links.Where(l => l.Exercise.RetiredUtc == null);
}
