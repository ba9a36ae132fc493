namespace LibrarianExercises.Web.Models;

public sealed record HomeViewModel(IReadOnlyList<ExerciseSummary> Latest, int ExerciseCount, int TagCount);
