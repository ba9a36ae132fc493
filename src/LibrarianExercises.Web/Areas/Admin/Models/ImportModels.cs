using System.ComponentModel.DataAnnotations;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Importing;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin.Models;

/// <summary>The import form: text pasted from the blog, files saved from it, or both.</summary>
public sealed class ImportForm
{
    [Display(Name = "Paste the text of one or more posts")]
    public string? Text { get; set; }

    [Display(Name = "Or upload text files")]
    public List<IFormFile> Files { get; set; } = [];
}

/// <summary>One text carried from the preview to the confirmation, with the name the audit trail records.</summary>
public sealed class TextToImport
{
    public string? Name { get; set; }

    public string? Text { get; set; }
}

/// <summary>The confirmation: the texts the preview could import, as it showed them.</summary>
public sealed class ConfirmImportForm
{
    public List<TextToImport> Texts { get; set; } = [];
}

/// <param name="Text">The text, when it can be imported; null when nothing of it can be.</param>
public sealed record ImportSource(ImportOutcome Outcome, string? Text);

/// <param name="DryRun">A preview, with nothing written; otherwise the report of the import done.</param>
public sealed record ImportResultViewModel(IReadOnlyList<ImportSource> Sources, bool DryRun)
{
    public IEnumerable<ImportSource> Importable => Sources.Where(s => s.Text is not null);

    /// <summary>The closing line: every count, each in its plural form.</summary>
    public string Summary(IStringLocalizer<AdminText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var c = ImportRun.Count([.. Sources.Select(s => s.Outcome)]);
        var skipped = text.Plural("{0} posts skipped", c.Skipped).Value;
        if (c.Skipped > 0)
        {
            // The reasons are the importer's own words.
            skipped = text["{0} ({1})", skipped, string.Join(text[", "], c.SkippedByReason.Select(r => text["{0} {1}", r.Count, r.Reason].Value))];
        }

        var line = DryRun
            ? text["{0}: {1} would be created, {2} would be updated, {3} unchanged; {4} partial; {5}; {6}; {7}; {8}.",
                text.Plural("{0} exercises", c.Exercises), c.Created, c.Updated, c.Unchanged, c.Partial,
                text.Plural("{0} tags would be added", c.TagsAdded), skipped,
                text.Plural("{0} files with nothing to import", c.NothingToImport), text.Plural("{0} files failed", c.Failed)]
            : text["{0}: {1} created, {2} updated, {3} unchanged; {4} partial; {5}; {6}; {7}; {8}.",
                text.Plural("{0} exercises", c.Exercises), c.Created, c.Updated, c.Unchanged, c.Partial,
                text.Plural("{0} tags added", c.TagsAdded), skipped,
                text.Plural("{0} files with nothing to import", c.NothingToImport), text.Plural("{0} files failed", c.Failed)];
        return DryRun ? text["Dry run, nothing written. {0}", line].Value : line.Value;
    }

    /// <summary>Which value of a field stands, or in a dry run would stand.</summary>
    public static LocalizedString Stands(IStringLocalizer<AdminText> text, IncomingOutcome outcome, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(text);
        return outcome switch
        {
            IncomingOutcome.Kept => text["The current value stays: an editor corrected it"],
            IncomingOutcome.Added => dryRun ? text["The incoming tags would be added"] : text["The incoming tags were added"],
            _ => dryRun ? text["The incoming value would replace it"] : text["The incoming value replaced it"],
        };
    }

    /// <summary>What happened, or in a dry run would happen, to one exercise.</summary>
    public static LocalizedString Change(IStringLocalizer<AdminText> text, ExerciseChange change, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(text);
        return change switch
        {
            ExerciseChange.Created => dryRun ? text["Would be created"] : text["Created"],
            ExerciseChange.Updated => dryRun ? text["Would be updated"] : text["Updated"],
            _ => text["Unchanged"],
        };
    }
}
