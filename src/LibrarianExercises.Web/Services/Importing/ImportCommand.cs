using System.Globalization;
using System.Text;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary><c>import [--dry-run] FILE...</c>: imports text copied from the blog and reports what changed.</summary>
public static class ImportCommand
{
    public const string Verb = "import";

    /// <returns>0 when every file was imported, 1 when one could not be, 2 for a usage error.</returns>
    /// <remarks>Settings such as <c>--ConnectionStrings:Library=…</c> are the host's configuration, not options.</remarks>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var dryRun = args.Contains("--dry-run");
        var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && !CommandLine.IsSetting(a)).ToList();
        var unknownOption = options.FirstOrDefault(a => a != "--dry-run");
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (unknownOption is not null || files.Count == 0)
        {
            await errors.WriteLineAsync(unknownOption is null ? "No file to import." : $"Unknown option {unknownOption}.");
            await errors.WriteLineAsync("Usage: import [--dry-run] FILE...");
            return 2;
        }

        var outcomes = new List<ImportOutcome>(files.Count);
        foreach (var file in files)
        {
            await output.WriteLineAsync(file);
            string text;
            try
            {
                text = ImportRun.DecodeUtf8(await File.ReadAllBytesAsync(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
            {
                outcomes.Add(new ImportOutcome(file, null, ImportRun.Unreadable(e)));
                await errors.WriteLineAsync($"{file}: {ImportRun.Unreadable(e)}. Nothing was imported from it.");
                continue;
            }

            var outcome = await ImportRun.ImportAsync(services, Path.GetFileName(file), text, dryRun, CancellationToken.None);
            outcomes.Add(outcome);
            if (outcome.Report is not { } report)
            {
                await errors.WriteLineAsync($"{file}: {outcome.Problem}. Nothing was imported from it.");
                continue;
            }

            foreach (var exercise in report.Exercises)
            {
                await output.WriteLineAsync(FormatLine(exercise, dryRun));
            }

            foreach (var post in report.Skipped)
            {
                await output.WriteLineAsync($"  skipped  {post.Title}: {post.Reason}");
            }
        }

        await output.WriteLineAsync(ImportRun.Summary(outcomes, dryRun));
        return outcomes.Any(o => o.Failed) ? 1 : 0;
    }

    private static string FormatLine(ExerciseSaveResult exercise, bool dryRun)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"  #{exercise.Number} {exercise.Title} [initiative {exercise.InitiativeCode ?? "none"}] {ImportRun.Change(exercise.Change, dryRun)}");
        if (exercise.KeptFields.Count > 0)
        {
            line += " (kept: " + string.Join(", ", exercise.KeptFields) + ", changed by an editor)";
        }

        return exercise.Warnings.Count == 0 ? line : line + " (warning: " + string.Join("; ", exercise.Warnings) + ")";
    }
}
