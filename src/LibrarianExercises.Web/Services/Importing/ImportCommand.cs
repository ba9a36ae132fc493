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

        var totals = new Dictionary<ExerciseChange, int>();
        int skipped = 0, failed = 0;
        foreach (var file in files)
        {
            await output.WriteLineAsync(file);
            string text;
            try
            {
                text = await ReadUtf8Async(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
            {
                failed++;
                await errors.WriteLineAsync($"{file}: cannot read it ({Describe(e)}). Nothing was imported from it.");
                continue;
            }

            try
            {
                await using var scope = services.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<ExerciseImporter>();
                var report = await importer.ImportAsync(text, dryRun, Path.GetFileName(file), CancellationToken.None);
                foreach (var exercise in report.Exercises)
                {
                    totals[exercise.Change] = totals.GetValueOrDefault(exercise.Change) + 1;
                    await output.WriteLineAsync(FormatLine(exercise, dryRun));
                }

                foreach (var post in report.Skipped)
                {
                    skipped++;
                    await output.WriteLineAsync($"  skipped  {post.Title}: {post.Reason}");
                }
            }
            catch (ImportRejectedException e)
            {
                failed++;
                await errors.WriteLineAsync($"{file}: {e.Message}. Nothing was imported from it.");
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
            {
                // The file's transaction was rolled back; the other files still get their turn.
                failed++;
                await errors.WriteLineAsync($"{file}: could not be saved ({e.GetBaseException().Message}). Nothing was imported from it.");
            }
        }

        var created = totals.GetValueOrDefault(ExerciseChange.Created);
        var updated = totals.GetValueOrDefault(ExerciseChange.Updated);
        var unchanged = totals.GetValueOrDefault(ExerciseChange.Unchanged);
        var counts = dryRun
            ? $"{created} would be created, {updated} would be updated, {unchanged} unchanged"
            : $"{created} created, {updated} updated, {unchanged} unchanged";
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{(dryRun ? "Dry run, nothing written. " : "")}{created + updated + unchanged} exercise(s): {counts}; {skipped} post(s) skipped; {failed} file(s) failed."));
        return failed == 0 ? 0 : 1;
    }

    private static string FormatLine(ExerciseSaveResult exercise, bool dryRun)
    {
        var change = exercise.Change switch
        {
            ExerciseChange.Created => dryRun ? "would be created" : "created",
            ExerciseChange.Updated => dryRun ? "would be updated" : "updated",
            _ => "unchanged",
        };
        var line = string.Create(CultureInfo.InvariantCulture, $"  #{exercise.Number} {exercise.Title} [initiative {exercise.InitiativeCode ?? "none"}] {change}");
        return exercise.Warnings.Count == 0 ? line : line + " (warning: " + string.Join("; ", exercise.Warnings) + ")";
    }

    private static async Task<string> ReadUtf8Async(string file)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new NotSupportedException("it is not a text file");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        DecoderFallbackException => "it is not UTF-8 text",
        _ => e.Message,
    };
}
