namespace LibrarianExercises.Web.Data;

public class StrategicDirection
{
    private readonly List<KeyInitiative> _initiatives = [];

    public int Id { get; private set; }

    public int StrategyVersionId { get; private set; }

    public StrategyVersion StrategyVersion { get; private set; } = null!;

    public int Number { get; set; }

    public required string Name { get; set; }

    public IReadOnlyCollection<KeyInitiative> Initiatives => _initiatives;

    public void AddInitiative(KeyInitiative initiative) => _initiatives.Add(initiative);
}
