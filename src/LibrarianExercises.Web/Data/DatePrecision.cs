namespace LibrarianExercises.Web.Data;

/// <summary>
/// How much of a publication date is known. A post's address gives the day; a month archive gives only the month,
/// kept as the 1st of that month so that dates still sort and compare as dates.
/// </summary>
public enum DatePrecision
{
    Day = 0,
    Month = 1,
}
