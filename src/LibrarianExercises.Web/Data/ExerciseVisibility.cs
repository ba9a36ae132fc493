using System.Linq.Expressions;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// The one definition of a published exercise: one an editor has not retired, whose whole text is known. An
/// exercise known only from a listing page that cut it off or showed an excerpt (<see cref="Exercise.BodyIsExcerpt"/>)
/// waits for the full post or an editor's completion, like a retired one it is on no public page. Every public
/// page reads exercises through this; the editors' pages see them all.
/// </summary>
public static class ExerciseVisibility
{
    public static readonly Expression<Func<Exercise, bool>> IsPublished = e => e.RetiredUtc == null && !e.BodyIsExcerpt;

    private static readonly Func<Exercise, bool> IsPublishedInMemory = IsPublished.Compile();

    // The same rule seen from an initiative link, made from the one above rather than written again.
    private static readonly Expression<Func<ExerciseInitiative, bool>> LinkIsPublished = OfExercise<ExerciseInitiative>(l => l.Exercise);

    /// <summary>The same rule for an exercise in memory, such as one about to be saved.</summary>
    public static bool Published(this Exercise exercise) => IsPublishedInMemory(exercise);

    public static IQueryable<Exercise> Published(this IQueryable<Exercise> exercises) => exercises.Where(IsPublished);

    /// <summary>The strategy links of published exercises, the same rule seen from the link.</summary>
    public static IQueryable<ExerciseInitiative> OfPublishedExercises(this IQueryable<ExerciseInitiative> links) =>
        links.Where(LinkIsPublished);

    /// <summary><see cref="IsPublished"/> applied to the exercise <paramref name="exercise"/> reaches from a <typeparamref name="T"/>.</summary>
    private static Expression<Func<T, bool>> OfExercise<T>(Expression<Func<T, Exercise>> exercise)
    {
        var body = new Substitution(IsPublished.Parameters[0], exercise.Body).Visit(IsPublished.Body);
        return Expression.Lambda<Func<T, bool>>(body, exercise.Parameters);
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
