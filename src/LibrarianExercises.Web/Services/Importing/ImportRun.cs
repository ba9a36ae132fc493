using System.Globalization;
using System.Text;
using LibrarianExercises.Web.Services.Exercises;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary>
/// What became of one file or text given to the importer: its report (which may say there was nothing to import), or
/// the problem that kept it from being read or saved.
/// </summary>
public sealed record ImportOutcome(string Name, ImportReport? Report, string? Problem)
{
    /// <summary>It could not be read or saved: nothing of it was imported.</summary>
    public bool Failed => Report is null;

    /// <summary>It was read, and holds nothing of the series: not a failure.</summary>
    public bool NothingToImport => Report is { NothingToImport: not null };
}

/// <summary>
/// What the command line and the editors' import page share: reading a file as UTF-8 text, importing one text in a
/// scope of its own, and the words that report it.
/// </summary>
public static class ImportRun
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes as UTF-8 text.</summary>
    /// <exception cref="NotSupportedException">The bytes hold a NUL: not a text file.</exception>
    /// <exception cref="DecoderFallbackException">The bytes are not UTF-8.</exception>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            throw new NotSupportedException("it is not a text file");
        }

        return StrictUtf8.GetString(bytes);
    }

    /// <summary>Why a file could not be read, as the reports say it.</summary>
    public static string Unreadable(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var why = e switch
        {
            FileNotFoundException or DirectoryNotFoundException => "no such file",
            UnauthorizedAccessException => "permission denied",
            DecoderFallbackException => "it is not UTF-8 text",
            _ => e.Message,
        };
        return $"cannot read it ({why})";
    }

    /// <summary>
    /// Imports one text in a scope of its own, so that a text that fails leaves nothing behind for the next one. A
    /// text that cannot be saved is an outcome with a problem, not an exception.
    /// </summary>
    public static async Task<ImportOutcome> ImportAsync(IServiceProvider services, string name, string text, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ExerciseImporter>();
            return new ImportOutcome(name, await importer.ImportAsync(text, dryRun, name, cancellationToken), null);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            // The text's transaction was rolled back; the other texts still get their turn.
            return new ImportOutcome(name, null, $"could not be saved ({e.GetBaseException().Message})");
        }
    }

    /// <summary>What happened, or in a dry run would happen, to one exercise.</summary>
    public static string Change(ExerciseChange change, bool dryRun) => change switch
    {
        ExerciseChange.Created => dryRun ? "would be created" : "created",
        ExerciseChange.Updated => dryRun ? "would be updated" : "updated",
        _ => "unchanged",
    };

    /// <summary>
    /// What the closing line counts: exercises by change, how many are known only in part, tags added, posts skipped
    /// by reason, files with nothing to import and files that failed. An exercise that several texts hold is counted
    /// once: as created if one of them created it, else as updated if one of them changed it.
    /// </summary>
    public static ImportCounts Count(IReadOnlyCollection<ImportOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var results = outcomes.Where(o => o.Report is not null).SelectMany(o => o.Report!.Exercises).ToList();
        var exercises = results.GroupBy(r => r.Number)
            .Select(g => (Change: g.Min(r => r.Change), g.Last().IsPartial))
            .ToList();
        var skipped = outcomes.SelectMany(o => o.Report?.Skipped ?? []).ToList();
        return new ImportCounts(
            exercises.Count,
            exercises.Count(e => e.Change == ExerciseChange.Created),
            exercises.Count(e => e.Change == ExerciseChange.Updated),
            exercises.Count(e => e.Change == ExerciseChange.Unchanged),
            exercises.Count(e => e.IsPartial),
            results.SelectMany(r => r.TagsAdded.Select(t => (r.Number, SlugGenerator.Slugify(t)))).Distinct().Count(),
            skipped.Count,
            [.. skipped.GroupBy(p => p.Reason).Select(g => (g.Key, g.Count()))],
            outcomes.Count(o => o.NothingToImport),
            outcomes.Count(o => o.Failed));
    }

    /// <summary>The closing line of the command line's report (the editors' page words it through its localizer).</summary>
    public static string Summary(IReadOnlyCollection<ImportOutcome> outcomes, bool dryRun)
    {
        var c = Count(outcomes);
        var reasons = c.Skipped == 0
            ? ""
            : " (" + string.Join(", ", c.SkippedByReason.Select(r => $"{r.Count} {r.Reason}")) + ")";
        var counts = dryRun
            ? $"{c.Created} would be created, {c.Updated} would be updated, {c.Unchanged} unchanged; {c.Partial} partial; {c.TagsAdded} tag(s) would be added"
            : $"{c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged; {c.Partial} partial; {c.TagsAdded} tag(s) added";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(dryRun ? "Dry run, nothing written. " : "")}{c.Exercises} exercise(s): {counts}; {c.Skipped} post(s) skipped{reasons}; {c.NothingToImport} file(s) with nothing to import; {c.Failed} file(s) failed.");
    }
}

/// <summary>What an import (or its dry run) did, counted; <see cref="ImportRun.Count"/> says how.</summary>
public sealed record ImportCounts(
    int Exercises,
    int Created,
    int Updated,
    int Unchanged,
    int Partial,
    int TagsAdded,
    int Skipped,
    IReadOnlyList<(string Reason, int Count)> SkippedByReason,
    int NothingToImport,
    int Failed);
