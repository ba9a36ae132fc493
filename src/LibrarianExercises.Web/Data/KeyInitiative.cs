namespace LibrarianExercises.Web.Data;

public class KeyInitiative
{
    public int Id { get; private set; }

    public int StrategicDirectionId { get; private set; }

    public StrategicDirection StrategicDirection { get; private set; } = null!;

    /// <summary>"Direction.Initiative", such as <c>3.2</c>.</summary>
    public required string Code { get; set; }

    public int Number { get; set; }

    /// <summary>Empty where no source names the initiative: an editor fills it in, nothing invents it.</summary>
    public string Name { get; set; } = "";

    public bool HasName => Name.Length > 0;
}
