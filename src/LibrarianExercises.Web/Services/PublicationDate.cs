using System.Globalization;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services;

/// <summary>A publication date written to its precision: "4 May 2021" for a day, "May 2021" when only the month is known.</summary>
public static class PublicationDate
{
    public static string ForPeople(DateOnly date, DatePrecision precision) =>
        date.ToString(precision == DatePrecision.Month ? "MMMM yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>As HTML's <c>time</c> element and the audit trail take it: <c>2021-05-04</c>, or <c>2021-05</c> for a month.</summary>
    public static string ForMachines(DateOnly date, DatePrecision precision) =>
        date.ToString(precision == DatePrecision.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
