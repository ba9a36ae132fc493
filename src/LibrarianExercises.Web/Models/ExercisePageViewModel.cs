namespace LibrarianExercises.Web.Models;

public sealed record InitiativeLink(string Code, string Name, string PublishedLabel, bool LabelDisagrees);

public sealed record ExerciseNeighbour(int Number, string Title);

public sealed record ExercisePageViewModel(
    int Number,
    string Title,
    string BodyHtml,
    DateOnly? PublishedOn,
    string? SourceUrl,
    bool ResponsesOpen,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<InitiativeLink> Initiatives,
    int ResponseCount,
    int DidExerciseCount,
    ExerciseNeighbour? Previous,
    ExerciseNeighbour? Next)
{
    /// <summary>How much of <see cref="PublishedOn"/> is known: the day, or only the month.</summary>
    public Data.DatePrecision PublishedOnPrecision { get; init; }

    public PagedList<ResponseView> Responses { get; init; } = new([], 1, 1, 0);

    public ResponseForm Form { get; init; } = new();

    /// <summary>The text's first paragraph as plain text: the page's description.</summary>
    public string FirstParagraph { get; init; } = "";

    /// <summary>What became of the response the visitor has just sent, if any: published, or kept for review.</summary>
    public Data.ResponseStatus? JustPosted { get; init; }
}
