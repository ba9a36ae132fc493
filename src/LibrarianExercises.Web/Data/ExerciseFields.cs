namespace LibrarianExercises.Web.Data;

/// <summary>The parts of an exercise an editor can correct, as flags: a correction is kept across re-imports.</summary>
[Flags]
public enum ExerciseFields
{
    None = 0,
    Title = 1,
    Text = 2,
    Tags = 4,
    Initiatives = 8,
    PublishedOn = 16,
    SourceUrl = 32,
}
