namespace LibrarianExercises.Web.Models;

/// <summary>An exercise as the strategy pages name it: number and title.</summary>
public sealed record StrategyExercise(int Number, string Title);

/// <param name="ExerciseCount">How many exercises serve the initiative.</param>
/// <param name="Exercises">
/// The exercises serving it: all of them, by number, or on the strategy page only the latest few, newest first.
/// </param>
public sealed record InitiativeCoverage(string Code, string Name, int ExerciseCount, IReadOnlyList<StrategyExercise> Exercises)
{
    public bool HasName => Name.Length > 0;

    /// <summary>Some of its exercises are not listed here.</summary>
    public bool HasMore => ExerciseCount > Exercises.Count;
}

/// <param name="ExerciseCount">Exercises serving any of the direction's initiatives, each counted once.</param>
public sealed record DirectionCoverage(int Number, string Name, int ExerciseCount, IReadOnlyList<InitiativeCoverage> Initiatives);

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
