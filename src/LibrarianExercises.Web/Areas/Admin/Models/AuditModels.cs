using System.Globalization;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Responses;

namespace LibrarianExercises.Web.Areas.Admin.Models;

/// <summary>A page of the audit trail, the filter that chose it, and everyone who appears in the trail.</summary>
public sealed record AuditListViewModel(PagedList<AuditItem> Entries, AuditFilter Filter, IReadOnlyList<string> Actors)
{
    public string? ExerciseValue => Filter.ExerciseNumber?.ToString(CultureInfo.InvariantCulture);

    public string? FromValue => Filter.From?.ToString(AuditDates.Format, CultureInfo.InvariantCulture);

    public string? ToValue => Filter.To?.ToString(AuditDates.Format, CultureInfo.InvariantCulture);

    /// <summary>The filter as an address's query, without the "?", so that every page of the list keeps it.</summary>
    public string? PagerQuery
    {
        get
        {
            var parts = new List<string>();
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    parts.Add(name + "=" + Uri.EscapeDataString(value));
                }
            }

            Add("exercise", ExerciseValue);
            Add("actor", Filter.Actor);
            Add("from", FromValue);
            Add("to", ToValue);
            return parts.Count == 0 ? null : string.Join("&", parts);
        }
    }
}

/// <param name="Outcome">What pressing "Restore" did, just before this page was shown.</param>
public sealed record AuditEntryViewModel(AuditItem Entry, RestoreOutcome? Outcome = null);

public static class AuditDates
{
    /// <summary>How the filter's days are written, as a date field sends them.</summary>
    public const string Format = "yyyy-MM-dd";
}

/// <param name="Full">Every value whole, as a table (an entry's own page), or long ones folded away (the list).</param>
public sealed record AuditChangesModel(IReadOnlyList<FieldChange> Changes, bool Full);
