namespace LibrarianExercises.Web.Data;

/// <summary>A topical tag, named in any script; looked up by its lower-case slug.</summary>
public class Tag
{
    private readonly List<Exercise> _exercises = [];

    public int Id { get; private set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public IReadOnlyCollection<Exercise> Exercises => _exercises;
}
