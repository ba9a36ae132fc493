using System.Globalization;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Markdown;

/// <summary>An exercise's text as its page and its lists show it.</summary>
public sealed record RenderedExercise(string Html, string FirstParagraph);

/// <summary>
/// Renders exercise and response text when it is written and keeps the HTML beside the Markdown, so that pages read
/// HTML instead of parsing Markdown on every view. The renderers stay the only way text becomes HTML: this decides
/// only when they run and, for exercises, which mentioned exercises are linked.
/// </summary>
public sealed class StoredHtml(LibrarianDbContext db, ExerciseMarkdownRenderer exerciseMarkdown, ResponseMarkdownRenderer responseMarkdown)
{
    public static bool IsCurrent(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.RenderedWith == ResponseMarkdownRenderer.Version && response.BodyHtml is not null;
    }

    public void Render(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.BodyHtml = responseMarkdown.ToHtml(response.BodyMarkdown);
        response.RenderedWith = ResponseMarkdownRenderer.Version;
    }

    /// <summary>
    /// Renders the exercise's text with mentions linked to the exercises that are published once this unit of work
    /// is saved.
    /// </summary>
    public async Task RenderAsync(Exercise exercise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var published = await PublishedAmongAsync(exerciseMarkdown.MentionedNumbers(exercise.BodyMarkdown), cancellationToken);
        var rendered = Render(exercise.Number, exercise.BodyMarkdown, published);
        exercise.BodyHtml = rendered.Html;
        exercise.FirstParagraph = rendered.FirstParagraph;
        exercise.RenderedWith = ExerciseMarkdownRenderer.Version;
    }

    /// <param name="published">The published exercises among those the text mentions: only they are linked.</param>
    public RenderedExercise Render(int number, string markdown, IReadOnlySet<int> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return new RenderedExercise(
            exerciseMarkdown.ToHtml(markdown, n => n != number && published.Contains(n) ? ExercisePath(n) : null),
            exerciseMarkdown.FirstParagraphText(markdown));
    }

    /// <summary>
    /// After exercises with these numbers appeared on the site or left it (created, renumbered, retired, reinstated),
    /// renders again the text of every exercise mentioning one of them, in the same unit of work, so that no page
    /// links to an exercise that is not there or misses one that is.
    /// </summary>
    public async Task RenderMentionsOfAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var mentioning = new HashSet<int>();
        foreach (var digits in numbers.Distinct().Select(n => n.ToString(CultureInfo.InvariantCulture)))
        {
            // The digits in the text are a cheap filter in SQL; the renderer's own rule decides.
            var candidates = await db.Exercises.AsNoTracking()
                .Where(e => e.BodyMarkdown.Contains(digits))
                .Select(e => new { e.Id, e.BodyMarkdown })
                .ToListAsync(cancellationToken);
            mentioning.UnionWith(candidates.Where(c => exerciseMarkdown.MentionedNumbers(c.BodyMarkdown).Overlaps(numbers)).Select(c => c.Id));
        }

        foreach (var id in mentioning)
        {
            if (await db.Exercises.FindAsync([id], cancellationToken) is { } exercise)
            {
                await RenderAsync(exercise, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Which of these numbers are published exercises once this unit of work is saved: the database's answer,
    /// corrected by the exercises the context is about to add, change or delete.
    /// </summary>
    public async Task<IReadOnlySet<int>> PublishedAmongAsync(IReadOnlySet<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
        {
            return numbers;
        }

        var wanted = numbers.ToList();
        var stored = await db.Exercises.AsNoTracking().Published()
            .Where(e => wanted.Contains(e.Number))
            .Select(e => new { e.Id, e.Number })
            .ToListAsync(cancellationToken);
        var tracked = db.ChangeTracker.Entries<Exercise>().ToList();
        var trackedIds = tracked.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var published = stored.Where(s => !trackedIds.Contains(s.Id)).Select(s => s.Number).ToHashSet();
        published.UnionWith(tracked
            .Where(e => e.State != EntityState.Deleted && e.Entity.Published() && numbers.Contains(e.Entity.Number))
            .Select(e => e.Entity.Number));
        return published;
    }

    /// <summary>
    /// Where a mention links to: the exercise's page (the route of <c>ExercisesController.Show</c>). Written out rather
    /// than asked of routing, because text is also rendered where no route is mapped: the starting content is imported
    /// before the pipeline is built, and the command line never builds it.
    /// </summary>
    public static string ExercisePath(int number) => "/exercises/" + number.ToString(CultureInfo.InvariantCulture);
}
