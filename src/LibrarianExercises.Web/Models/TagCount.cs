namespace LibrarianExercises.Web.Models;

public sealed record TagCount(string Name, string Slug, int ExerciseCount);
