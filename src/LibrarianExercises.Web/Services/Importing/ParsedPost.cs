using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary>What the parser read from one text: the archive heading, the series' posts, and what it passed over.</summary>
/// <param name="LooksLikeAListing">It holds several posts (of any series) or excerpts, as a listing page does.</param>
public sealed record ParsedDocument(
    ArchiveHeading? Heading,
    IReadOnlyList<ParsedPost> Posts,
    IReadOnlyList<SkippedPost> Skipped,
    bool LooksLikeAListing)
{
    /// <summary>
    /// A listing page copied without its heading: whatever tag or month the page stood for was not taken from it.
    /// </summary>
    public bool ListingWithoutHeading => LooksLikeAListing && Heading is null;

    /// <summary>The topical tag every post of this document gets from a <c>Tag Archives: …</c> heading, if any.</summary>
    public string? TopicalTag =>
        Heading is { Kind: ArchiveKind.Tag } heading && !BlogPostParser.IsSeriesTag(heading.Value) ? heading.Value : null;
}

public enum ArchiveKind
{
    Tag,
    Month,
    Author,
    Category,
    Search,
}

public sealed record ArchiveHeading(ArchiveKind Kind, string Value);

/// <summary>One exercise as the blog printed it.</summary>
public sealed record ParsedPost
{
    public required int Number { get; init; }

    /// <summary>The task as the title printed it, e.g. "Make a connection".</summary>
    public required string Title { get; init; }

    /// <summary>The exercise text as Markdown: one paragraph per line of the post, special characters escaped.</summary>
    public required string BodyMarkdown { get; init; }

    /// <summary>An excerpt from an older listing page, not the whole exercise.</summary>
    public bool IsExcerpt { get; init; }

    /// <summary>
    /// A whole post's text without its strategy line: listing pages cut posts off, so this text may be incomplete
    /// and, like an excerpt, must not replace a complete one.
    /// </summary>
    public bool IsCutOff { get; init; }

    /// <summary>Less than the whole exercise: an excerpt or a cut-off copy.</summary>
    public bool IsPartial => IsExcerpt || IsCutOff;

    public ParsedStrategyLine? Strategy { get; init; }

    /// <summary>From the post's address, or the 1st of the month of the month archive it sits in.</summary>
    public DateOnly? PublishedOn { get; init; }

    public DatePrecision PublishedOnPrecision { get; init; }

    public string? SourceUrl { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The "This idea relates to the IFLA Strategy!" line.</summary>
/// <param name="Code">Initiative code such as <c>3.2</c>.</param>
/// <param name="PublishedLabel">Everything after the fixed opening, exactly as printed (line breaks joined).</param>
/// <param name="PublishedName">The initiative name part of the label, spaces and trailing full stop tidied.</param>
public sealed record ParsedStrategyLine(string Code, string PublishedLabel, string PublishedName);

/// <summary>A post the parser passed over, and why (one of the reasons below, which the reports count).</summary>
public sealed record SkippedPost(string Title, string Reason)
{
    public const string AnotherSeries = "another series";

    public const string NoNumber = "no exercise number";
}
