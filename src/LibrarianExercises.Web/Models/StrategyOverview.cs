namespace LibrarianExercises.Web.Models;

/// <summary>An exercise as the strategy pages name it: number and title.</summary>
public sealed record StrategyExercise(int Number, string Title);

public sealed record InitiativeCoverage(string Code, string Name, IReadOnlyList<StrategyExercise> Exercises)
{
    public bool HasName => Name.Length > 0;

    public int ExerciseCount => Exercises.Count;
}

public sealed record DirectionCoverage(int Number, string Name, IReadOnlyList<InitiativeCoverage> Initiatives)
{
    /// <summary>Exercises serving any of the direction's initiatives, each counted once.</summary>
    public int ExerciseCount => Initiatives.SelectMany(i => i.Exercises).Select(e => e.Number).Distinct().Count();
}

/// <summary>One strategy edition with, for every initiative, the exercises that serve it.</summary>
public sealed record StrategyOverviewViewModel(
    string VersionKey,
    string Title,
    string? Summary,
    string? Source,
    IReadOnlyList<DirectionCoverage> Directions,
    IReadOnlyList<StrategyExercise> ServingNone,
    int DisagreementCount)
{
    public int InitiativeCount => Directions.Sum(d => d.Initiatives.Count);
}
