namespace LibrarianExercises.Web.Models;

/// <summary>An initiative as links to it name it.</summary>
public sealed record InitiativeRef(string Code, string Name, int DirectionNumber, string DirectionName)
{
    public bool HasName => Name.Length > 0;
}

public sealed record DirectionRef(int Number, string Name);

/// <param name="LabelDisagrees">The post printed another initiative's name: the mapping awaits an editor.</param>
public sealed record InitiativeExercise(int Number, string Title, string FirstParagraph, string PublishedLabel, bool LabelDisagrees);

public sealed record StrategyInitiativeViewModel(
    string VersionTitle,
    InitiativeRef Initiative,
    PagedList<InitiativeExercise> Exercises,
    InitiativeRef? Previous,
    InitiativeRef? Next);
