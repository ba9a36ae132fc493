namespace LibrarianExercises.Web.Data;

/// <summary>An exercise's claim to serve a key initiative, with the label exactly as the post printed it.</summary>
public class ExerciseInitiative
{
    public int ExerciseId { get; private set; }

    public Exercise Exercise { get; private set; } = null!;

    public int KeyInitiativeId { get; private set; }

    public required KeyInitiative KeyInitiative { get; set; }

    public required string PublishedLabel { get; set; }

    /// <summary>The published name is another initiative's, or not this one's: an editor should confirm the mapping.</summary>
    public bool LabelDisagrees { get; set; }
}
