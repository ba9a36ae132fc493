namespace LibrarianExercises.Web.Models;

public sealed record TagLink(string Name, string Slug);

/// <summary>An exercise as lists show it.</summary>
public sealed record ExerciseSummary(
    int Number,
    string Title,
    string FirstParagraph,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<string> InitiativeCodes,
    int ResponseCount,
    int DidExerciseCount);
