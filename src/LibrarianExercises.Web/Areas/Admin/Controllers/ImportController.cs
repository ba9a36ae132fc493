using System.Text;
using LibrarianExercises.Web.Areas.Admin.Models;
using LibrarianExercises.Web.Controllers;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>
/// Imports text copied from the blog: pasted or uploaded, previewed as a dry run, and written only once the editor
/// confirms what the preview showed. Each text is imported whole or not at all.
/// </summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin/import")]
public sealed class ImportController(IStringLocalizer<AdminText> text) : Controller
{
    public const int MaxFiles = 10;

    /// <summary>The most one file, or the pasted text, may hold: 2 MB of UTF-8, far more than a listing page.</summary>
    public const int MaxTextBytes = 2 * 1024 * 1024;

    /// <summary>What the audit trail and the report call text pasted into the form.</summary>
    public const string PastedTextName = "pasted text";

    private const int MaxNameLength = 120;

    /// <summary>Room for every file, the pasted text and the form's own fields.</summary>
    private const int MaxRequestBytes = ((MaxFiles + 1) * MaxTextBytes) + (1024 * 1024);

    [HttpGet("")]
    public IActionResult Index() => View(new ImportForm());

    /// <summary>A dry run of every text: what would change, and what cannot be imported and why.</summary>
    [HttpPost("preview")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
    [RefuseUnreadableForm]
    public async Task<IActionResult> Preview(ImportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var sources = new List<ImportSource>();
        if (!string.IsNullOrWhiteSpace(form.Text))
        {
            sources.Add(await DryRunAsync(PastedTextName, form.Text, cancellationToken));
        }

        var files = form.Files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var name = SafeName(file.FileName);
            if (index >= MaxFiles)
            {
                sources.Add(Refused(name, text["only {0} files are taken at once: upload it again with the next ones", MaxFiles]));
            }
            else if (file.Length > MaxTextBytes)
            {
                sources.Add(Refused(name, TooLarge(file.Length)));
            }
            else
            {
                sources.Add(await ReadAndDryRunAsync(name, file, cancellationToken));
            }
        }

        if (sources.Count == 0)
        {
            ModelState.AddModelError(nameof(ImportForm.Text), text["Please paste the text of a post, or choose one or more files to upload."]);
            var view = View(nameof(Index), new ImportForm());
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }

        return View("Result", new ImportResultViewModel(sources, DryRun: true));
    }

    /// <summary>Imports for real the texts the preview showed, each whole or not at all, and reports what was done.</summary>
    [HttpPost("")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
    [RefuseUnreadableForm]
    public async Task<IActionResult> Confirm(ConfirmImportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Texts.Count is 0 or > MaxFiles + 1 || form.Texts.Any(t => t.Text is null))
        {
            return this.ProblemView(ProblemKind.BadRequest, StatusCodes.Status400BadRequest);
        }

        var sources = new List<ImportSource>(form.Texts.Count);
        foreach (var given in form.Texts)
        {
            var name = SafeName(given.Name);
            var bytes = Encoding.UTF8.GetByteCount(given.Text!);
            sources.Add(bytes > MaxTextBytes
                ? Refused(name, TooLarge(bytes))
                : new ImportSource(await ImportRun.ImportAsync(HttpContext.RequestServices, name, given.Text!, dryRun: false, cancellationToken), null));
        }

        return View("Result", new ImportResultViewModel(sources, DryRun: false));
    }

    private async Task<ImportSource> ReadAndDryRunAsync(string name, IFormFile file, CancellationToken cancellationToken)
    {
        string content;
        try
        {
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            content = ImportRun.DecodeUtf8(bytes);
        }
        catch (Exception e) when (e is DecoderFallbackException or NotSupportedException or IOException)
        {
            return Refused(name, ImportRun.Unreadable(e));
        }

        return await DryRunAsync(name, content, cancellationToken);
    }

    private async Task<ImportSource> DryRunAsync(string name, string content, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetByteCount(content) > MaxTextBytes)
        {
            return Refused(name, TooLarge(Encoding.UTF8.GetByteCount(content)));
        }

        var outcome = await ImportRun.ImportAsync(HttpContext.RequestServices, name, content, dryRun: true, cancellationToken);
        // Only a text with something to import travels on to the confirmation.
        return new ImportSource(outcome, outcome.Report is { Exercises.Count: > 0 } ? content : null);
    }

    private static ImportSource Refused(string name, string problem) => new(new ImportOutcome(name, null, problem), null);

    private string TooLarge(long bytes) =>
        text["it is too large ({0:0.#} MB; at most {1} MB of text at a time)", bytes / (1024.0 * 1024.0), MaxTextBytes / (1024 * 1024)];

    /// <summary>The file's own name, without any folder a browser sent, control characters or excess length.</summary>
    private static string SafeName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > MaxNameLength)
        {
            name = name[..MaxNameLength];
        }

        return name.Length > 0 ? name : "uploaded file";
    }

    /// <summary>
    /// Reads the form before the antiforgery check does, so that a request over the limits is answered with the
    /// import's own 413 page saying what the limits are, not a server error or the generic refusal.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class RefuseUnreadableFormAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
    {
        // After RequestFormLimits and RequestSizeLimit (900), before the antiforgery check (1000).
        public int Order => 950;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            if (!request.HasFormContentType)
            {
                return;
            }

            int status;
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
                return;
            }
            catch (InvalidDataException)
            {
                status = StatusCodes.Status413PayloadTooLarge;
            }
            catch (BadHttpRequestException e)
            {
                status = e.StatusCode;
            }
            catch (IOException)
            {
                status = StatusCodes.Status400BadRequest;
            }

            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = "Unreadable",
                StatusCode = status,
                ViewData = new ViewDataDictionary<int>(metadata, new ModelStateDictionary()) { Model = status },
            };
        }
    }
}
