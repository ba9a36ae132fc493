namespace LibrarianExercises.Web.Data;

/// <summary>One edition of the IFLA Strategy, e.g. 2019–2024; later editions are added as data.</summary>
public class StrategyVersion
{
    private readonly List<StrategicDirection> _directions = [];

    public int Id { get; private set; }

    /// <summary>Stable key such as <c>2019-2024</c>.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public string? Source { get; set; }

    public IReadOnlyCollection<StrategicDirection> Directions => _directions;

    public void AddDirection(StrategicDirection direction) => _directions.Add(direction);
}
