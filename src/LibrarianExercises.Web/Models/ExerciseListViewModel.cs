namespace LibrarianExercises.Web.Models;

/// <summary>A page of exercises: the whole list, one tag's archive, or those serving part of the strategy.</summary>
public sealed record ExerciseListViewModel(PagedList<ExerciseSummary> Exercises, TagLink? Tag = null, StrategyListFilter? Strategy = null);
