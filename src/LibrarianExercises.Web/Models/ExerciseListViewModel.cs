namespace LibrarianExercises.Web.Models;

/// <summary>A page of exercises: the whole list, or one tag's archive.</summary>
public sealed record ExerciseListViewModel(PagedList<ExerciseSummary> Exercises, TagLink? Tag = null);
