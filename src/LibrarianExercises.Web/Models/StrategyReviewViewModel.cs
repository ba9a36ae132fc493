namespace LibrarianExercises.Web.Models;

/// <summary>An exercise whose post printed a name that is not the name of the initiative its code points to.</summary>
public sealed record LabelDisagreement(int Number, string Title, string PublishedLabel, InitiativeRef Initiative);

public sealed record StrategyReviewViewModel(string VersionTitle, IReadOnlyList<LabelDisagreement> Disagreements);
