using System.ComponentModel.DataAnnotations;
using LibrarianExercises.Web.Services.Importing;

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

    public string Summary => ImportRun.Summary([.. Sources.Select(s => s.Outcome)], DryRun);
}
