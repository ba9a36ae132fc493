using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Models;

public sealed record TagLink(string Name, string Slug);

/// <summary>A key initiative as a list names it: its code, and its name where one is recorded (else empty).</summary>
public sealed record InitiativeSummary(string Code, string Name);

/// <summary>An exercise as lists show it.</summary>
public sealed record ExerciseSummary(
    int Number,
    string Title,
    string FirstParagraph,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<InitiativeSummary> Initiatives,
    int ResponseCount,
    int DidExerciseCount,
    DateOnly? PublishedOn,
    DatePrecision PublishedOnPrecision);
