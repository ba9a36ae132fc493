namespace LibrarianExercises.Web.Models;

/// <summary>An initiative as links to it name it.</summary>
public sealed record InitiativeRef(string Code, string Name, int DirectionNumber, string DirectionName)
{
    public bool HasName => Name.Length > 0;
}

public sealed record DirectionRef(int Number, string Name);

public sealed record InitiativeExercise(int Number, string Title, string FirstParagraph);

public sealed record StrategyInitiativeViewModel(
    string VersionTitle,
    InitiativeRef Initiative,
    PagedList<InitiativeExercise> Exercises,
    InitiativeRef? Previous,
    InitiativeRef? Next);
