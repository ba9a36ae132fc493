using System.Globalization;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Importing;
using LibrarianExercises.Web.Services.Markdown;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Exercises;

public enum ExerciseChange
{
    Created,
    Updated,
    Unchanged,
}

/// <param name="Fields">
/// For an exercise that existed already, each field the post gives another value: the current value, the incoming
/// one, and which stands.
/// </param>
/// <param name="IsPartial">After the save, only the beginning of the exercise is known.</param>
/// <param name="TagsAdded">The tags this save gave the exercise.</param>
public sealed record ExerciseSaveResult(
    int Number,
    string Title,
    string? InitiativeCode,
    IReadOnlyList<string> Tags,
    ExerciseChange Change,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<IncomingField> Fields,
    bool IsPartial,
    IReadOnlyList<string> TagsAdded)
{
    /// <summary>Fields the post would have changed but an editor had corrected, so they were kept.</summary>
    public IReadOnlyList<string> KeptFields => [.. Fields.Where(f => f.Outcome == IncomingOutcome.Kept).Select(f => f.Field)];
}

/// <summary>Which value of a field stands after an import.</summary>
public enum IncomingOutcome
{
    /// <summary>The current value stays: an editor corrected the field, and corrections are never overwritten.</summary>
    Kept,

    /// <summary>The incoming value replaces the current one.</summary>
    Replaced,

    /// <summary>The incoming values are added to the current ones (tags: an import never takes one away).</summary>
    Added,
}

/// <summary>One field of an existing exercise to which a post gives another value.</summary>
/// <param name="Field">The field's name, as the audit trail writes it ("title", "initiatives").</param>
/// <param name="Current">The value now, as text (null when there is none).</param>
/// <param name="Incoming">The post's value, as text (for tags, only those the exercise does not have).</param>
public sealed record IncomingField(string Field, string? Current, string? Incoming, IncomingOutcome Outcome);

/// <summary>
/// The one place that writes exercises and their tags and initiative links, so that cache eviction and auditing
/// have a single place to hook in. Every change is recorded in the audit trail in the same SaveChanges.
/// </summary>
public sealed class ExerciseStore(LibrarianDbContext db, AuditTrail audit, PageCache pages, StoredHtml html, TimeProvider clock)
{
    private InitiativeNameMatcher? _matcher;
    private List<KeyInitiative>? _initiatives;

    /// <summary>
    /// Creates or updates the exercise with the post's number. Saving the same post twice changes nothing, and a
    /// field an editor has corrected is never overwritten. A partial copy (an excerpt, or a post cut off before its
    /// strategy line) creates the exercise if it is not known yet, and otherwise only adds what is missing: it never
    /// replaces better data.
    /// </summary>
    public async Task<ExerciseSaveResult> SaveImportedAsync(ParsedPost post, IReadOnlyCollection<string> tagNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(tagNames);
        var warnings = new List<string>(post.Warnings);
        var fields = new List<IncomingField>();
        var now = clock.GetUtcNow().UtcDateTime;

        var exercise = await LoadAsync(post.Number, cancellationToken);
        var created = exercise is null;
        var before = exercise is null ? null : ExerciseState.Of(exercise);
        var wasPublished = exercise?.Published() ?? false;
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
        else if (!post.IsPartial)
        {
            // A full text always wins, over a partial one too.
            if (!Keep(exercise, ExerciseFields.Title, exercise.Title != post.Title, exercise.Title, post.Title, fields))
            {
                exercise.Title = post.Title;
                exercise.Slug = SlugGenerator.Slugify(post.Title);
            }

            if (!Keep(exercise, ExerciseFields.Text, exercise.BodyMarkdown != post.BodyMarkdown || exercise.BodyIsExcerpt, exercise.BodyMarkdown, post.BodyMarkdown, fields))
            {
                exercise.BodyMarkdown = post.BodyMarkdown;
                exercise.BodyIsExcerpt = false;
            }
        }
        else if (exercise.BodyIsExcerpt && post.BodyMarkdown.Length > exercise.BodyMarkdown.Length)
        {
            // Of two partial copies the longer holds more of the post (a cut-off copy over an excerpt, say); the title
            // known already stays. Only ever growing, the text settles: importing the same pages again changes nothing.
            if (!Keep(exercise, ExerciseFields.Text, true, exercise.BodyMarkdown, post.BodyMarkdown, fields))
            {
                exercise.BodyMarkdown = post.BodyMarkdown;
            }
        }

        if (post.PublishedOn is { } publishedOn)
        {
            // A day is better than a month; a partial copy fills in a date only where none as good is known.
            var better = exercise.PublishedOn is null
                || post.PublishedOnPrecision < exercise.PublishedOnPrecision
                || (post.PublishedOnPrecision == exercise.PublishedOnPrecision && !post.IsPartial);
            var changes = better && (exercise.PublishedOn != publishedOn || exercise.PublishedOnPrecision != post.PublishedOnPrecision);
            var current = exercise.PublishedOn is { } known ? PublicationDate.ForMachines(known, exercise.PublishedOnPrecision) : null;
            if (!Keep(exercise, ExerciseFields.PublishedOn, changes && !created, current, PublicationDate.ForMachines(publishedOn, post.PublishedOnPrecision), fields) && changes)
            {
                exercise.PublishedOn = publishedOn;
                exercise.PublishedOnPrecision = post.PublishedOnPrecision;
            }
        }

        if (post.SourceUrl is { } source)
        {
            var changes = source != exercise.SourceUrl && (exercise.SourceUrl is null || !post.IsPartial);
            if (!Keep(exercise, ExerciseFields.SourceUrl, changes && !created, exercise.SourceUrl, source, fields) && changes)
            {
                exercise.SourceUrl = source;
            }
        }

        var newTags = tagNames.Where(name => exercise.Tags.All(t => t.Slug != SlugGenerator.Slugify(name))).ToList();
        var tagsAdded = new List<string>();
        if (!Keep(exercise, ExerciseFields.Tags, newTags.Count > 0 && !created, TagList(exercise), string.Join(", ", newTags), fields, IncomingOutcome.Added))
        {
            foreach (var name in newTags)
            {
                if (exercise.AddTag(await FindOrCreateTagAsync(name, cancellationToken)))
                {
                    tagsAdded.Add(name);
                }
            }
        }

        if (post.Strategy is { } strategy)
        {
            var differs = exercise.Initiatives.Count != 1 || exercise.Initiatives.All(l => l.KeyInitiative.Code != strategy.Code);
            if (!Keep(exercise, ExerciseFields.Initiatives, differs && !created, InitiativeList(exercise), strategy.PublishedLabel, fields))
            {
                await LinkPublishedInitiativeAsync(exercise, strategy, warnings, cancellationToken);
                if (exercise.Initiatives.All(l => l.KeyInitiative.Code != strategy.Code))
                {
                    // Not linked after all (an initiative the strategy does not have): the warning says so.
                    fields.RemoveAll(f => f.Field == ExerciseState.NameOf(ExerciseFields.Initiatives));
                }
            }
        }

        var changed = db.ChangeTracker.HasChanges();
        if (changed)
        {
            exercise.UpdatedUtc = now;
            var changes = ExerciseState.Diff(before, ExerciseState.Of(exercise));
            audit.Record(AuditEntities.Exercise, Key(exercise.Number), created ? AuditActions.Created : AuditActions.Updated, changes, exercise.Number);
            // The texts mentioning it link to it once it is published: when it is created whole, or a full post completes it.
            await RenderAsync(exercise, exercise.Published() != wasPublished ? [exercise.Number] : [], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await pages.CollectionChangedAsync(cancellationToken);
        }

        return new ExerciseSaveResult(
            exercise.Number,
            exercise.Title,
            exercise.Initiatives.Select(l => l.KeyInitiative.Code).FirstOrDefault(),
            [.. exercise.Tags.Select(t => t.Name)],
            created ? ExerciseChange.Created : changed ? ExerciseChange.Updated : ExerciseChange.Unchanged,
            warnings,
            fields,
            exercise.BodyIsExcerpt,
            tagsAdded);
    }

    /// <summary>Logs a new exercise. Every field the editor filled in counts as theirs, safe from re-imports.</summary>
    public async Task<ExerciseEditOutcome> CreateAsync(ExerciseDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await db.Exercises.AnyAsync(e => e.Number == draft.Number, cancellationToken))
        {
            return ExerciseEditOutcome.NumberTaken;
        }

        var initiatives = await InitiativesAsync(draft.InitiativeCodes, cancellationToken);
        if (initiatives is null)
        {
            return ExerciseEditOutcome.UnknownInitiative;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var exercise = new Exercise
        {
            Number = draft.Number,
            Title = draft.Title,
            Slug = SlugGenerator.Slugify(draft.Title),
            BodyMarkdown = draft.BodyMarkdown,
            PublishedOn = draft.PublishedOn,
            SourceUrl = draft.SourceUrl,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        await ApplyTagsAsync(exercise, draft.Tags, cancellationToken);
        ApplyInitiatives(exercise, initiatives);
        exercise.EditedFields = ExerciseState.Diff(null, ExerciseState.Of(exercise)).Aggregate(ExerciseFields.None, (all, c) => all | ExerciseState.FlagOf(c.Field));
        db.Exercises.Add(exercise);
        audit.Record(AuditEntities.Exercise, Key(exercise.Number), AuditActions.Created, ExerciseState.Diff(null, ExerciseState.Of(exercise)), exercise.Number);
        await RenderAsync(exercise, [exercise.Number], cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>An editor's correction: the fields it changes are marked as the editor's and kept across re-imports.</summary>
    public async Task<ExerciseEditOutcome> UpdateAsync(int number, ExerciseDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var exercise = await LoadAsync(number, cancellationToken);
        if (exercise is null)
        {
            return ExerciseEditOutcome.NotFound;
        }

        if (draft.Number != number && await db.Exercises.AnyAsync(e => e.Number == draft.Number, cancellationToken))
        {
            return ExerciseEditOutcome.NumberTaken;
        }

        var initiatives = await InitiativesAsync(draft.InitiativeCodes, cancellationToken);
        if (initiatives is null)
        {
            return ExerciseEditOutcome.UnknownInitiative;
        }

        var before = ExerciseState.Of(exercise);
        var wasPublished = exercise.Published();
        exercise.Number = draft.Number;
        if (exercise.Title != draft.Title)
        {
            exercise.Title = draft.Title;
            exercise.Slug = SlugGenerator.Slugify(draft.Title);
        }

        if (exercise.BodyMarkdown != draft.BodyMarkdown)
        {
            // The editor has written the text: it is theirs now.
            exercise.BodyMarkdown = draft.BodyMarkdown;
        }

        // Saved by an editor, the text is complete as they left it, changed or not: a partial exercise is published.
        // Its text stays the importer's to replace unless they changed it, so the full post can still complete it.
        exercise.BodyIsExcerpt = false;

        if (exercise.PublishedOn != draft.PublishedOn)
        {
            // The form takes whole dates: one the editor typed is known to the day. Left as it was, a month stays a month.
            exercise.PublishedOn = draft.PublishedOn;
            exercise.PublishedOnPrecision = DatePrecision.Day;
        }

        exercise.SourceUrl = draft.SourceUrl;
        await ApplyTagsAsync(exercise, draft.Tags, cancellationToken);
        ApplyInitiatives(exercise, initiatives);

        var changes = ExerciseState.Diff(before, ExerciseState.Of(exercise));
        if (changes.Count == 0)
        {
            return ExerciseEditOutcome.Unchanged;
        }

        foreach (var change in changes)
        {
            exercise.EditedFields |= ExerciseState.FlagOf(change.Field);
        }

        exercise.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditEntities.Exercise, Key(draft.Number), AuditActions.Updated, changes, draft.Number);
        await RenderAsync(exercise, number != draft.Number ? [number, draft.Number] : exercise.Published() != wasPublished ? [number] : [], cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    public Task<ExerciseEditOutcome> SetResponsesOpenAsync(int number, bool open, CancellationToken cancellationToken) =>
        ChangeAsync(number, open ? AuditActions.ResponsesOpened : AuditActions.ResponsesClosed, e => e.ResponsesOpen = open, cancellationToken);

    /// <summary>Hides the exercise from every public page; its responses stay, and reinstating brings it all back.</summary>
    public Task<ExerciseEditOutcome> RetireAsync(int number, CancellationToken cancellationToken) =>
        ChangeAsync(number, AuditActions.Retired, e => e.RetiredUtc ??= clock.GetUtcNow().UtcDateTime, cancellationToken);

    public Task<ExerciseEditOutcome> ReinstateAsync(int number, CancellationToken cancellationToken) =>
        ChangeAsync(number, AuditActions.Reinstated, e => e.RetiredUtc = null, cancellationToken);

    /// <summary>An editor agrees with the published code although the post's words point elsewhere.</summary>
    public async Task<ExerciseEditOutcome> ConfirmMappingAsync(int number, string code, CancellationToken cancellationToken)
    {
        var exercise = await LoadAsync(number, cancellationToken);
        if (exercise is null || exercise.Initiatives.All(l => l.KeyInitiative.Code != code))
        {
            return ExerciseEditOutcome.NotFound;
        }

        var link = exercise.Initiatives.Single(l => l.KeyInitiative.Code == code);
        if (!link.LabelDisagrees)
        {
            return ExerciseEditOutcome.Unchanged;
        }

        exercise.ConfirmInitiative(code);
        exercise.EditedFields |= ExerciseFields.Initiatives;
        audit.Record(AuditEntities.Exercise, Key(number), AuditActions.MappingConfirmed, [new FieldChange("initiative", code + " (to check)", code + " (confirmed)")], number);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Moves an exercise's link from one initiative to another; the post's own words stay with the link.</summary>
    public async Task<ExerciseEditOutcome> CorrectMappingAsync(int number, string fromCode, string toCode, CancellationToken cancellationToken)
    {
        var exercise = await LoadAsync(number, cancellationToken);
        var link = exercise?.Initiatives.FirstOrDefault(l => l.KeyInitiative.Code == fromCode);
        if (exercise is null || link is null)
        {
            return ExerciseEditOutcome.NotFound;
        }

        if (fromCode == toCode)
        {
            return await ConfirmMappingAsync(number, fromCode, cancellationToken);
        }

        var target = (await InitiativesAsync([toCode], cancellationToken))?.SingleOrDefault();
        if (target is null)
        {
            return ExerciseEditOutcome.UnknownInitiative;
        }

        var before = ExerciseState.Of(exercise);
        var keep = exercise.Initiatives.Where(l => l.KeyInitiative.Code != fromCode).Select(l => l.KeyInitiative).Append(target).ToList();
        exercise.UnlinkInitiativesExcept(keep);
        exercise.LinkInitiative(target, link.PublishedLabel, labelDisagrees: false);
        exercise.EditedFields |= ExerciseFields.Initiatives;
        exercise.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditEntities.Exercise, Key(number), AuditActions.MappingCorrected, ExerciseState.Diff(before, ExerciseState.Of(exercise)), number);
        return await SaveAsync(cancellationToken);
    }

    private async Task<ExerciseEditOutcome> ChangeAsync(int number, string action, Action<Exercise> change, CancellationToken cancellationToken)
    {
        var exercise = await LoadAsync(number, cancellationToken);
        if (exercise is null)
        {
            return ExerciseEditOutcome.NotFound;
        }

        var before = ExerciseState.Of(exercise);
        var wasPublished = exercise.Published();
        change(exercise);
        var changes = ExerciseState.Diff(before, ExerciseState.Of(exercise));
        if (changes.Count == 0)
        {
            return ExerciseEditOutcome.Unchanged;
        }

        exercise.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditEntities.Exercise, Key(number), action, changes, number);
        if (exercise.Published() != wasPublished)
        {
            // Its own text is unchanged, but the exercises mentioning it gain or lose their link to it.
            await html.RenderMentionsOfAsync([number], cancellationToken);
        }

        return await SaveAsync(cancellationToken);
    }

    private async Task<ExerciseEditOutcome> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await pages.CollectionChangedAsync(cancellationToken);
            return ExerciseEditOutcome.Saved;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another editor took the number between the check and the write.
            db.ChangeTracker.Clear();
            return ExerciseEditOutcome.NumberTaken;
        }
    }

    /// <summary>
    /// Renders the exercise's text for its pages, and again the text of every exercise mentioning one of
    /// <paramref name="appearedOrLeft"/>, whose links change with this save.
    /// </summary>
    private async Task RenderAsync(Exercise exercise, IReadOnlyCollection<int> appearedOrLeft, CancellationToken cancellationToken)
    {
        await html.RenderAsync(exercise, cancellationToken);
        await html.RenderMentionsOfAsync(appearedOrLeft, cancellationToken);
    }

    private Task<Exercise?> LoadAsync(int number, CancellationToken cancellationToken) =>
        db.Exercises
            .Include(e => e.Tags)
            .Include(e => e.Initiatives).ThenInclude(l => l.KeyInitiative)
            .SingleOrDefaultAsync(e => e.Number == number, cancellationToken);

    /// <summary>
    /// True when the editor owns the field: it is kept. When the post would change it, the report shows the current
    /// value, the incoming one and which stands.
    /// </summary>
    private static bool Keep(
        Exercise exercise,
        ExerciseFields field,
        bool postDiffers,
        string? current,
        string? incoming,
        List<IncomingField> fields,
        IncomingOutcome otherwise = IncomingOutcome.Replaced)
    {
        var kept = exercise.EditedFields.HasFlag(field);
        if (postDiffers)
        {
            fields.Add(new IncomingField(ExerciseState.NameOf(field), NullIfEmpty(current), NullIfEmpty(incoming), kept ? IncomingOutcome.Kept : otherwise));
        }

        return kept;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string TagList(Exercise exercise) => string.Join(", ", exercise.Tags.Select(t => t.Name));

    private static string InitiativeList(Exercise exercise) =>
        string.Join("; ", exercise.Initiatives.Select(l => l.KeyInitiative.HasName ? $"{l.KeyInitiative.Code} {l.KeyInitiative.Name}" : l.KeyInitiative.Code));

    private async Task ApplyTagsAsync(Exercise exercise, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => SlugGenerator.Slugify(n).Length > 0)
            .DistinctBy(SlugGenerator.Slugify).ToList();
        var wantedSlugs = wanted.Select(SlugGenerator.Slugify).ToHashSet(StringComparer.Ordinal);
        foreach (var tag in exercise.Tags.Where(t => !wantedSlugs.Contains(t.Slug)).ToList())
        {
            exercise.RemoveTag(tag);
        }

        foreach (var name in wanted)
        {
            exercise.AddTag(await FindOrCreateTagAsync(name, cancellationToken));
        }
    }

    private static void ApplyInitiatives(Exercise exercise, IReadOnlyList<KeyInitiative> initiatives)
    {
        exercise.UnlinkInitiativesExcept(initiatives);
        foreach (var initiative in initiatives.Where(i => exercise.Initiatives.All(l => l.KeyInitiative.Code != i.Code)))
        {
            // Chosen by an editor, so there is no published wording to disagree with.
            exercise.LinkInitiative(initiative, initiative.HasName ? $"{initiative.Code} {initiative.Name}" : initiative.Code, labelDisagrees: false);
        }
    }

    /// <summary>The initiatives of the series' strategy edition with these codes, or null if one is not in it.</summary>
    private async Task<IReadOnlyList<KeyInitiative>?> InitiativesAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var all = await SeriesInitiativesAsync(cancellationToken);
        var found = codes.Distinct(StringComparer.Ordinal).Select(c => all.FirstOrDefault(i => i.Code == c)).ToList();
        return found.Any(i => i is null) ? null : [.. found.OfType<KeyInitiative>()];
    }

    private async Task<List<KeyInitiative>> SeriesInitiativesAsync(CancellationToken cancellationToken) =>
        _initiatives ??= await db.KeyInitiatives
            .Where(i => i.StrategicDirection.StrategyVersion.Key == StrategySeeder.ExerciseSeriesVersionKey)
            .ToListAsync(cancellationToken);

    private async Task LinkPublishedInitiativeAsync(Exercise exercise, ParsedStrategyLine strategy, List<string> warnings, CancellationToken cancellationToken)
    {
        var initiatives = await SeriesInitiativesAsync(cancellationToken);
        _matcher ??= new InitiativeNameMatcher(initiatives);

        var initiative = initiatives.FirstOrDefault(i => i.Code == strategy.Code);
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

    private static string Key(int number) => number.ToString(CultureInfo.InvariantCulture);
}
