namespace LibrarianExercises.Web.Services;

/// <summary>Which exercises a list holds; a part left out does not narrow it.</summary>
/// <param name="InitiativeCode">A key initiative of the edition the exercises cite, such as <c>3.2</c>.</param>
/// <param name="DirectionNumber">A strategic direction of that edition.</param>
public sealed record ExerciseFilter(string? TagSlug = null, string? InitiativeCode = null, int? DirectionNumber = null)
{
    public static readonly ExerciseFilter None = new();
}
