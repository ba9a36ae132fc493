using System.Globalization;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;

namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>An exercise's editable values as text, to tell which fields a change touched and record old and new.</summary>
internal sealed record ExerciseState(
    string Number,
    string Title,
    string Text,
    string? PartialText,
    string? PublishedOn,
    string? SourceUrl,
    string Tags,
    string Initiatives,
    string Responses,
    string? Retired)
{
    private static readonly (string Name, ExerciseFields Flag)[] EditableFields =
    [
        ("title", ExerciseFields.Title),
        ("text", ExerciseFields.Text),
        ("tags", ExerciseFields.Tags),
        ("initiatives", ExerciseFields.Initiatives),
        ("published on", ExerciseFields.PublishedOn),
        ("source address", ExerciseFields.SourceUrl),
    ];

    public static ExerciseState Of(Exercise exercise) => new(
        exercise.Number.ToString(CultureInfo.InvariantCulture),
        exercise.Title,
        exercise.BodyMarkdown,
        exercise.BodyIsExcerpt ? "partial" : null,
        exercise.PublishedOn is { } published ? PublicationDate.ForMachines(published, exercise.PublishedOnPrecision) : null,
        exercise.SourceUrl,
        string.Join(", ", exercise.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
        string.Join(", ", exercise.Initiatives.Select(l => l.KeyInitiative.Code + (l.LabelDisagrees ? " (to check)" : "")).Order(StringComparer.Ordinal)),
        exercise.ResponsesOpen ? "open" : "closed",
        exercise.RetiredUtc?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>The fields whose values differ; against nothing (<paramref name="before"/> null) the fields that have one.</summary>
    public static List<FieldChange> Diff(ExerciseState? before, ExerciseState after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? now)
        {
            var oldValue = string.IsNullOrEmpty(old) ? null : old;
            var newValue = string.IsNullOrEmpty(now) ? null : now;
            if (oldValue != newValue)
            {
                changes.Add(new FieldChange(field, oldValue, newValue));
            }
        }

        Compare("number", before?.Number, after.Number);
        Compare("title", before?.Title, after.Title);
        Compare("text", before?.Text, after.Text);
        Compare("partial text", before?.PartialText, after.PartialText);
        Compare("published on", before?.PublishedOn, after.PublishedOn);
        Compare("source address", before?.SourceUrl, after.SourceUrl);
        Compare("tags", before?.Tags, after.Tags);
        Compare("initiatives", before?.Initiatives, after.Initiatives);
        Compare("responses", before?.Responses ?? "open", after.Responses);
        Compare("retired", before?.Retired, after.Retired);
        return changes;
    }

    /// <summary>The editable field a recorded change belongs to, or none for state such as "retired".</summary>
    public static ExerciseFields FlagOf(string field) =>
        EditableFields.FirstOrDefault(f => f.Name == field).Flag;

    public static string NameOf(ExerciseFields field) => EditableFields.First(f => f.Flag == field).Name;
}
