using System.Globalization;
using System.Text;
using LibrarianExercises.Web.Services.Exercises;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary><c>import [--dry-run] FILE|FOLDER|-...</c>: imports text copied from the blog and reports what changed.</summary>
public static class ImportCommand
{
    public const string Verb = "import";

    public const string DryRunOption = "--dry-run";

    /// <summary>What the report calls the text read from <c>-</c>.</summary>
    public const string StandardInputName = "standard input";

    /// <returns>0 when every file was imported or held nothing to import, 1 when one could not be read or saved, 2 for a usage error.</returns>
    /// <remarks>Settings such as <c>--ConnectionStrings:Library=…</c> are the host's configuration, not options.</remarks>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, Stream input, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var dryRun = args.Contains(DryRunOption);
        var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && !CommandLine.IsSetting(a)).ToList();
        var unknownOption = options.FirstOrDefault(a => a != DryRunOption);
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (unknownOption is not null || paths.Count == 0)
        {
            await errors.WriteLineAsync(unknownOption is null ? "No file to import." : $"Unknown option {unknownOption}.");
            await errors.WriteLineAsync("Usage: import [--dry-run] FILE|FOLDER|-...");
            return 2;
        }

        // Where the host works on a copy of the database in memory (see DryRunDatabase), a dry run imports each file
        // into it for real, one after another, so that the report is exactly what a real run would do.
        var copy = services.GetService<DryRunDatabase>();
        if (dryRun && copy?.Note is { } note)
        {
            await output.WriteLineAsync(note);
        }

        var outcomes = new List<ImportOutcome>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = TextFilesIn(path);
                if (files.Count == 0)
                {
                    outcomes.Add(new ImportOutcome(path, null, "no .txt file in the folder"));
                    await errors.WriteLineAsync($"{path}: no .txt file in the folder. Nothing was imported from it.");
                }

                foreach (var file in files)
                {
                    outcomes.Add(await ImportFileAsync(services, file, () => File.ReadAllBytesAsync(file), dryRun, copy is null, output, errors));
                }
            }
            else if (path == "-")
            {
                outcomes.Add(await ImportFileAsync(services, StandardInputName, () => ReadAllAsync(input), dryRun, copy is null, output, errors));
            }
            else
            {
                outcomes.Add(await ImportFileAsync(services, path, () => File.ReadAllBytesAsync(path), dryRun, copy is null, output, errors));
            }
        }

        await output.WriteLineAsync(ImportRun.Summary(outcomes, dryRun));
        return outcomes.Any(o => o.Failed) ? 1 : 0;
    }

    /// <summary>The folder's own <c>.txt</c> files, in name order.</summary>
    private static List<string> TextFilesIn(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).Equals(".txt", StringComparison.OrdinalIgnoreCase))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)];

    private static async Task<ImportOutcome> ImportFileAsync(
        IServiceProvider services, string name, Func<Task<byte[]>> read, bool dryRun, bool rollBack, TextWriter output, TextWriter errors)
    {
        await output.WriteLineAsync(name);
        string text;
        try
        {
            text = ImportRun.DecodeUtf8(await read());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            await errors.WriteLineAsync($"{name}: {ImportRun.Unreadable(e)}. Nothing was imported from it.");
            return new ImportOutcome(name, null, ImportRun.Unreadable(e));
        }

        var outcome = await ImportRun.ImportAsync(services, Path.GetFileName(name), text, dryRun && rollBack, CancellationToken.None);
        if (outcome.Report is not { } report)
        {
            await errors.WriteLineAsync($"{name}: {outcome.Problem}. Nothing was imported from it.");
            return outcome;
        }

        if (report.NothingToImport is { } why)
        {
            await output.WriteLineAsync($"  nothing to import: {why}");
        }

        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync($"  warning: {warning}");
        }

        foreach (var exercise in report.Exercises)
        {
            await output.WriteLineAsync(FormatLine(exercise, dryRun));
            foreach (var field in exercise.Fields)
            {
                await output.WriteLineAsync(FormatField(field, dryRun));
            }
        }

        foreach (var post in report.Skipped)
        {
            await output.WriteLineAsync($"  skipped  {post.Title}: {post.Reason}");
        }

        return outcome;
    }

    /// <summary>A field the post gives another value: what it is now, what the post has, and which stands.</summary>
    private static string FormatField(IncomingField field, bool dryRun)
    {
        var stands = field.Outcome switch
        {
            IncomingOutcome.Kept => "kept, corrected by an editor",
            IncomingOutcome.Added => dryRun ? "would be added" : "added",
            _ => dryRun ? "would replace it" : "replaced it",
        };
        return $"      {field.Field}: now {Quoted(field.Current)}; incoming {Quoted(field.Incoming)} ({stands})";
    }

    /// <summary>A value on one line, its beginning only when long.</summary>
    private static string Quoted(string? value)
    {
        if (value is null)
        {
            return "none";
        }

        const int Longest = 60;
        var line = value.ReplaceLineEndings(" ");
        return "\"" + (line.Length > Longest ? line[..Longest].TrimEnd() + "…" : line) + "\"";
    }

    private static async Task<byte[]> ReadAllAsync(Stream input)
    {
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string FormatLine(ExerciseSaveResult exercise, bool dryRun)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"  #{exercise.Number} {exercise.Title} [initiative {exercise.InitiativeCode ?? "none"}] {ImportRun.Change(exercise.Change, dryRun)}");
        if (exercise.IsPartial)
        {
            line += ", partial";
        }

        if (exercise.Change == ExerciseChange.Updated && exercise.TagsAdded.Count > 0)
        {
            line += (dryRun ? ", tags it would get: " : ", tags added: ") + string.Join(", ", exercise.TagsAdded);
        }

        if (exercise.KeptFields.Count > 0)
        {
            line += " (kept: " + string.Join(", ", exercise.KeptFields) + ", changed by an editor)";
        }

        return exercise.Warnings.Count == 0 ? line : line + " (warning: " + string.Join("; ", exercise.Warnings) + ")";
    }
}
