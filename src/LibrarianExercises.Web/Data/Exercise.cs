namespace LibrarianExercises.Web.Data;

/// <summary>One "10-Minute International Librarian" exercise, identified by its published number.</summary>
public class Exercise
{
    private readonly List<Tag> _tags = [];
    private readonly List<ExerciseInitiative> _initiatives = [];
    private readonly List<Response> _responses = [];

    public int Id { get; private set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>
    /// The text as its page shows it, rendered when written, with mentions of published exercises linked; the stores
    /// render it again when an exercise it mentions appears or disappears.
    /// </summary>
    public string? BodyHtml { get; set; }

    /// <summary>The text's first paragraph as plain text, for lists and descriptions, made with <see cref="BodyHtml"/>.</summary>
    public string? FirstParagraph { get; set; }

    /// <summary>
    /// The version of the renderer that made <see cref="BodyHtml"/> and <see cref="FirstParagraph"/>: null or another
    /// version than the current one means they are stale and are rendered again.
    /// </summary>
    public int? RenderedWith { get; set; }

    /// <summary>
    /// True while the only text known is partial: an excerpt from an older listing page, or a cut-off copy. Such an
    /// exercise is not published (<see cref="ExerciseVisibility"/>) until the full post or an editor's save completes it.
    /// </summary>
    public bool BodyIsExcerpt { get; set; }

    /// <summary>When the post was published; the 1st of the month when only the month is known (see <see cref="PublishedOnPrecision"/>).</summary>
    public DateOnly? PublishedOn { get; set; }

    public DatePrecision PublishedOnPrecision { get; set; }

    public string? SourceUrl { get; set; }

    public bool ResponsesOpen { get; set; } = true;

    /// <summary>When an editor retired the exercise: it is hidden from every public page, and its responses are kept.</summary>
    public DateTime? RetiredUtc { get; set; }

    /// <summary>The fields an editor has changed: a re-import of the post never overwrites them.</summary>
    public ExerciseFields EditedFields { get; set; }

    /// <summary>
    /// How many of its responses are published, published saying the visitor did the exercise, and held for review.
    /// Kept by triggers on <c>Responses</c> (migration <c>ResponseCounters</c>) whoever writes a response, so that pages
    /// and lists read a number instead of counting rows; the application never writes them.
    /// </summary>
    public int PublishedResponseCount { get; private set; }

    /// <inheritdoc cref="PublishedResponseCount"/>
    public int DidExerciseCount { get; private set; }

    /// <inheritdoc cref="PublishedResponseCount"/>
    public int HeldResponseCount { get; private set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyCollection<Tag> Tags => _tags;

    public IReadOnlyCollection<ExerciseInitiative> Initiatives => _initiatives;

    public IReadOnlyCollection<Response> Responses => _responses;

    public bool AddTag(Tag tag)
    {
        if (_tags.Any(t => t.Slug == tag.Slug))
        {
            return false;
        }

        _tags.Add(tag);
        return true;
    }

    /// <summary>Links the exercise to an initiative, or refreshes the published label of an existing link.</summary>
    public void LinkInitiative(KeyInitiative initiative, string publishedLabel, bool labelDisagrees)
    {
        var link = _initiatives.FirstOrDefault(l => l.KeyInitiativeId == initiative.Id && initiative.Id != 0)
            ?? _initiatives.FirstOrDefault(l => ReferenceEquals(l.KeyInitiative, initiative));
        if (link is null)
        {
            _initiatives.Add(new ExerciseInitiative
            {
                KeyInitiative = initiative,
                PublishedLabel = publishedLabel,
                LabelDisagrees = labelDisagrees,
            });
            return;
        }

        link.PublishedLabel = publishedLabel;
        link.LabelDisagrees = labelDisagrees;
    }

    /// <summary>Marks the link to <paramref name="code"/> as checked by a person: its label no longer needs review.</summary>
    public bool ConfirmInitiative(string code)
    {
        var link = _initiatives.FirstOrDefault(l => l.KeyInitiative.Code == code);
        if (link is null)
        {
            return false;
        }

        link.LabelDisagrees = false;
        return true;
    }

    public void RemoveTag(Tag tag) => _tags.RemoveAll(t => t.Slug == tag.Slug);

    /// <summary>Drops links to initiatives other than <paramref name="keep"/>: a re-import states the whole mapping.</summary>
    public void UnlinkInitiativesExcept(IReadOnlyCollection<KeyInitiative> keep) =>
        _initiatives.RemoveAll(l => !keep.Any(k => ReferenceEquals(k, l.KeyInitiative) || (k.Id != 0 && k.Id == l.KeyInitiativeId)));
}
