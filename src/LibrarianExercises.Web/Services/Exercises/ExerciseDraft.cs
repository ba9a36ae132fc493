namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>An exercise as an editor wrote it, checked for form by the admin form model before it gets here.</summary>
public sealed record ExerciseDraft(
    int Number,
    string Title,
    string BodyMarkdown,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> InitiativeCodes,
    DateOnly? PublishedOn,
    string? SourceUrl);

public enum ExerciseEditOutcome
{
    Saved,
    Unchanged,
    NotFound,
    NumberTaken,
    UnknownInitiative,
}
