using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>One initiative an editor can choose, under its direction.</summary>
public sealed record InitiativeOption(string Code, string Name, int DirectionNumber, string DirectionName);

public enum ExerciseStatusFilter
{
    All,
    Published,
    Retired,
    Closed,
    Partial,
}

public sealed record AdminExerciseRow(int Number, string Title, bool Retired, bool ResponsesOpen, bool BodyIsExcerpt, IReadOnlyList<string> InitiativeCodes, int ResponseCount, int HeldCount);

/// <summary>What an editor sees of an exercise's state beside the form.</summary>
public sealed record ExerciseAdminState(bool ResponsesOpen, bool Retired, bool BodyIsExcerpt, ExerciseFields EditedFields, int ResponseCount, int HeldCount)
{
    /// <summary>The stored publication date when it is known to the month only, which the form's day field cannot say.</summary>
    public DateOnly? PublishedMonthOnly { get; init; }
}

/// <summary>An exercise's stored values, for the edit form.</summary>
public sealed record ExerciseForEditing(ExerciseDraft Draft, ExerciseAdminState State);

/// <summary>Reads exercises for the editors: all of them, retired ones too, unlike the public queries.</summary>
public sealed class ExerciseAdminQueries(LibrarianDbContext db)
{
    public const int PageSize = 50;

    public async Task<PagedList<AdminExerciseRow>> ListAsync(int? number, string? text, ExerciseStatusFilter status, int page, CancellationToken cancellationToken)
    {
        var exercises = db.Exercises.AsQueryable();
        if (number is { } wanted)
        {
            exercises = exercises.Where(e => e.Number == wanted);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            // Contains is a plain substring search (instr in SQLite): no wildcards to escape, and exact in every script.
            var needle = text.Trim();
            exercises = exercises.Where(e => e.Title.Contains(needle) || e.BodyMarkdown.Contains(needle));
        }

        exercises = status switch
        {
            ExerciseStatusFilter.Published => exercises.Published(),
            ExerciseStatusFilter.Retired => exercises.Where(e => e.RetiredUtc != null),
            ExerciseStatusFilter.Closed => exercises.Where(e => !e.ResponsesOpen),
            ExerciseStatusFilter.Partial => exercises.Where(e => e.BodyIsExcerpt),
            _ => exercises,
        };
        var total = await exercises.CountAsync(cancellationToken);
        var rows = await exercises
            .OrderBy(e => e.Number)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new AdminExerciseRow(
                e.Number,
                e.Title,
                e.RetiredUtc != null,
                e.ResponsesOpen,
                e.BodyIsExcerpt,
                e.Initiatives.OrderBy(l => l.KeyInitiative.Code).Select(l => l.KeyInitiative.Code).ToList(),
                e.PublishedResponseCount,
                e.HeldResponseCount))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PagedList<AdminExerciseRow>(rows, page, PageSize, total);
    }

    public async Task<ExerciseForEditing?> FindForEditingAsync(int number, CancellationToken cancellationToken)
    {
        var row = await db.Exercises
            .Where(e => e.Number == number)
            .Select(e => new
            {
                e.Number,
                e.Title,
                e.BodyMarkdown,
                Tags = e.Tags.Select(t => t.Name).ToList(),
                Codes = e.Initiatives.Select(l => l.KeyInitiative.Code).ToList(),
                e.PublishedOn,
                e.PublishedOnPrecision,
                e.SourceUrl,
                e.ResponsesOpen,
                Retired = e.RetiredUtc != null,
                e.BodyIsExcerpt,
                e.EditedFields,
                Published = e.PublishedResponseCount,
                Held = e.HeldResponseCount,
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new ExerciseForEditing(
                new ExerciseDraft(row.Number, row.Title, row.BodyMarkdown, [.. row.Tags.Order(StringComparer.CurrentCulture)], [.. row.Codes.Order(StringComparer.Ordinal)], row.PublishedOn, row.SourceUrl),
                new ExerciseAdminState(row.ResponsesOpen, row.Retired, row.BodyIsExcerpt, row.EditedFields, row.Published, row.Held)
                {
                    PublishedMonthOnly = row.PublishedOnPrecision == DatePrecision.Month ? row.PublishedOn : null,
                });
    }

    /// <summary>The initiatives of the edition the series cites, in order, for the editor to choose from.</summary>
    public async Task<IReadOnlyList<InitiativeOption>> InitiativeOptionsAsync(CancellationToken cancellationToken) =>
        await db.KeyInitiatives
            .Where(i => i.StrategicDirection.StrategyVersion.Key == StrategySeeder.ExerciseSeriesVersionKey)
            .OrderBy(i => i.StrategicDirection.Number).ThenBy(i => i.Number)
            .Select(i => new InitiativeOption(i.Code, i.Name, i.StrategicDirection.Number, i.StrategicDirection.Name))
            .ToListAsync(cancellationToken);
}
