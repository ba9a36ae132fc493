using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Importing;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services;

public enum ExerciseChange
{
    Created,
    Updated,
    Unchanged,
}

public sealed record ExerciseSaveResult(
    int Number,
    string Title,
    string? InitiativeCode,
    ExerciseChange Change,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The one place that writes exercises and their tags and initiative links, so that cache eviction and auditing
/// have a single place to hook in.
/// </summary>
public sealed class ExerciseStore(LibrarianDbContext db, TimeProvider clock)
{
    private InitiativeNameMatcher? _matcher;
    private List<KeyInitiative>? _initiatives;

    /// <summary>Creates or updates the exercise with the post's number. Saving the same post twice changes nothing.</summary>
    public async Task<ExerciseSaveResult> SaveImportedAsync(ParsedPost post, IReadOnlyCollection<string> tagNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var warnings = new List<string>(post.Warnings);
        var now = clock.GetUtcNow().UtcDateTime;

        var exercise = await db.Exercises
            .Include(e => e.Tags)
            .Include(e => e.Initiatives).ThenInclude(l => l.KeyInitiative)
            .SingleOrDefaultAsync(e => e.Number == post.Number, cancellationToken);
        var created = exercise is null;
        if (exercise is null)
        {
            exercise = new Exercise
            {
                Number = post.Number,
                Title = post.Title,
                Slug = SlugGenerator.Slugify(post.Title),
                BodyMarkdown = post.BodyMarkdown,
                BodyIsExcerpt = post.IsPartial,
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            db.Exercises.Add(exercise);
        }
        else if (!post.IsPartial || exercise.BodyIsExcerpt)
        {
            // A full text always wins; an excerpt or a cut-off copy from a listing page never replaces one.
            exercise.Title = post.Title;
            exercise.Slug = SlugGenerator.Slugify(post.Title);
            exercise.BodyMarkdown = post.BodyMarkdown;
            exercise.BodyIsExcerpt = post.IsPartial;
        }

        exercise.PublishedOn = post.PublishedOn ?? exercise.PublishedOn;
        exercise.SourceUrl = post.SourceUrl ?? exercise.SourceUrl;

        foreach (var name in tagNames)
        {
            exercise.AddTag(await FindOrCreateTagAsync(name, cancellationToken));
        }

        if (post.Strategy is { } strategy)
        {
            await LinkInitiativeAsync(exercise, strategy, warnings, cancellationToken);
        }

        var changed = db.ChangeTracker.HasChanges();
        if (changed)
        {
            exercise.UpdatedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        var code = exercise.Initiatives.Select(l => l.KeyInitiative.Code).FirstOrDefault();
        return new ExerciseSaveResult(
            exercise.Number,
            exercise.Title,
            code,
            created ? ExerciseChange.Created : changed ? ExerciseChange.Updated : ExerciseChange.Unchanged,
            warnings);
    }

    private async Task LinkInitiativeAsync(Exercise exercise, ParsedStrategyLine strategy, List<string> warnings, CancellationToken cancellationToken)
    {
        _initiatives ??= await db.KeyInitiatives
            .Where(i => i.StrategicDirection.StrategyVersion.Key == StrategySeeder.ExerciseSeriesVersionKey)
            .ToListAsync(cancellationToken);
        _matcher ??= new InitiativeNameMatcher(_initiatives);

        var initiative = _initiatives.FirstOrDefault(i => i.Code == strategy.Code);
        if (initiative is null)
        {
            warnings.Add($"initiative {strategy.Code} is not in the IFLA Strategy {StrategySeeder.ExerciseSeriesVersionKey}: not linked");
            return;
        }

        var disagrees = _matcher.Disagrees(initiative, strategy.PublishedName);
        if (disagrees)
        {
            warnings.Add($"the published name \"{strategy.PublishedName}\" disagrees with initiative {initiative.Code}: flagged for review");
        }

        exercise.UnlinkInitiativesExcept([initiative]);
        exercise.LinkInitiative(initiative, strategy.PublishedLabel, disagrees);
    }

    private async Task<Tag> FindOrCreateTagAsync(string name, CancellationToken cancellationToken)
    {
        var slug = SlugGenerator.Slugify(name);
        var tag = db.Tags.Local.FirstOrDefault(t => t.Slug == slug)
            ?? await db.Tags.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tag is null)
        {
            tag = new Tag { Name = name.Trim(), Slug = slug };
            db.Tags.Add(tag);
        }

        return tag;
    }
}
