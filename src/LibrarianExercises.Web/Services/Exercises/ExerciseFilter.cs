namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>Which exercises a list holds; a part left out does not narrow it.</summary>
/// <param name="InitiativeCode">A key initiative of the edition the exercises cite, such as <c>3.2</c>.</param>
/// <param name="DirectionNumber">A strategic direction of that edition.</param>
/// <param name="NewestFirst">
/// The order by number: left out, a tag's archive runs newest first (as the blog's does) and every other list oldest first.
/// </param>
public sealed record ExerciseFilter(string? TagSlug = null, string? InitiativeCode = null, int? DirectionNumber = null, bool? NewestFirst = null)
{
    public static readonly ExerciseFilter None = new();
}
