using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Languages;
using LibrarianExercises.Web.Services.Site;

namespace LibrarianExercises.Web.Services.Feeds;

/// <summary>What a feed says of itself: its title, and the paths (made by routing) of the feed and of its page.</summary>
/// <param name="Key">What the feed is about ("exercises", "tag/…"), from which its permanent id is made.</param>
/// <param name="PathBase">The base of the feed's links: the site's, with the feed's language prefix ("/fr").</param>
/// <param name="Language">The language the feed's own words are in ("fr").</param>
public sealed record FeedHead(string Key, string Title, string Subtitle, string SelfPath, string PagePath, PathString PathBase, string Language);

/// <summary>A feed ready to send, with what a conditional GET compares: a strong ETag of the bytes and a date.</summary>
public sealed record FeedDocument(byte[] Content, DateTimeOffset LastModified, string ETag);

/// <summary>
/// Builds Atom 1.0 feeds with System.ServiceModel.Syndication. Every link is absolute, from the configured public
/// address; every date is the content's own and true (an exercise is <c>published</c> only on a day known to be its
/// publication day and <c>updated</c> on that day, else when it last changed here; a response at its time), never
/// the time of the request; ids are name-based UUIDs, the same wherever the site is served.
/// </summary>
public sealed class AtomFeeds(SiteUrls urls, LinkGenerator links, FeedWording wording)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The language the exercises are written in (the views mark their titles and text with it too).</summary>
    public const string ExerciseLanguage = "en";

    // The namespace of this site's name-based ids (RFC 4122 version 5); fixed, so that ids never change.
    private static readonly Guid IdNamespace = new("6f1c2a57-3f0e-4c55-9a86-0a4b6f3e2d19");

    public FeedDocument Exercises(FeedHead head, IReadOnlyList<FeedExercise> exercises, DateTimeOffset whenEmpty)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(exercises);
        var feed = NewFeed(head, exercises.Count == 0 ? whenEmpty : exercises.Max(e => e.Updated));
        var tagsPage = urls.Absolute(links.GetPathByAction("Index", "Tags", new { area = "" }, head.PathBase)!);
        feed.Items =
        [
            .. exercises.Select(e =>
            {
                var item = new SyndicationItem
                {
                    Id = Id("exercise/" + e.Number),
                    Title = new TextSyndicationContent(Xml(wording.ExerciseTitle(e.Number, e.Title))),
                    Summary = InEnglish(new TextSyndicationContent(Xml(e.Summary))),
                    Content = InEnglish(new TextSyndicationContent(Xml(e.ContentHtml), TextSyndicationContentKind.Html)),
                    LastUpdatedTime = e.Updated,
                };
                if (e.Published is { } published)
                {
                    // Left unset, the formatter writes no <published>: a date that is not known is not given.
                    item.PublishDate = published;
                }

                item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(ExerciseUrl(e.Number, head.PathBase)), "text/html"));
                foreach (var tag in e.Tags)
                {
                    item.Categories.Add(new SyndicationCategory(Xml(tag.Slug), tagsPage, Xml(tag.Name)));
                }

                return item;
            }),
        ];
        // Last-Modified also moves when an editor corrects an exercise, which leaves its publication date alone.
        var lastModified = exercises.Count == 0 ? whenEmpty : Later(feed.LastUpdatedTime, exercises.Max(e => new DateTimeOffset(e.UpdatedUtc)));
        return Write(feed, lastModified);
    }

    public FeedDocument Responses(FeedHead head, FeedExerciseHeader exercise, IReadOnlyList<FeedResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(responses);
        var exerciseUpdated = FeedQueries.UpdatedOf(exercise.PublishedOn, exercise.PublishedOnPrecision, exercise.UpdatedUtc);
        var feed = NewFeed(head, responses.Count == 0 ? exerciseUpdated : Later(exerciseUpdated, responses.Max(r => r.Created)));
        feed.Items =
        [
            .. responses.Select(r =>
            {
                var item = new SyndicationItem
                {
                    Id = Id("response/" + r.Id),
                    Title = new TextSyndicationContent(Xml(wording.ResponseTitle(r.DisplayName, exercise.Number))),
                    Content = new TextSyndicationContent(Xml(r.ContentHtml), TextSyndicationContentKind.Html),
                    PublishDate = r.Created,
                    LastUpdatedTime = r.Created,
                };
                item.Authors.Add(new SyndicationPerson { Name = Xml(r.DisplayName) });
                var path = links.GetPathByAction(
                    "Show",
                    "Exercises",
                    new { area = "", number = exercise.Number, page = r.ResponsePage > 1 ? r.ResponsePage : (int?)null },
                    head.PathBase,
                    new FragmentString("#response-" + r.Id))!;
                item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(urls.Absolute(path)), "text/html"));
                return item;
            }),
        ];
        return Write(feed, Later(feed.LastUpdatedTime, new DateTimeOffset(exercise.UpdatedUtc)));
    }

    /// <summary>RFC 4122 version 5 (name-based, SHA-1) UUID under this site's namespace, as a URN.</summary>
    internal static string Id(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + bytes.Length];
        IdNamespace.TryWriteBytes(input, bigEndian: true, out _);
        bytes.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 4122 names SHA-1 for version 5 ids; nothing secret depends on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(uuid, bigEndian: true).ToString("D");
    }

    private SyndicationFeed NewFeed(FeedHead head, DateTimeOffset updated)
    {
        var feed = new SyndicationFeed
        {
            // Each language's feed is a feed of its own to a reader; English keeps the ids it always had.
            Id = Id(head.Language == SiteLanguages.Default.Code ? "feed/" + head.Key : "feed/" + head.Language + "/" + head.Key),
            Title = new TextSyndicationContent(head.Title),
            Description = new TextSyndicationContent(head.Subtitle),
            // Set explicitly: left unset, the formatter would write the time of the request.
            LastUpdatedTime = updated,
            Language = head.Language,
        };
        feed.Authors.Add(new SyndicationPerson { Name = FeedWording.Author });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(urls.Absolute(head.SelfPath)), "application/atom+xml"));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(urls.Absolute(head.PagePath)), "text/html"));
        return feed;
    }

    private string ExerciseUrl(int number, PathString pathBase) => urls.Absolute(links.GetPathByAction("Show", "Exercises", new { area = "", number }, pathBase)!);

    /// <summary>A strong ETag of the bytes sent.</summary>
    internal static string ETagOf(byte[] content) => "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"";

    /// <summary>
    /// Marks an exercise's summary or text as English (<c>xml:lang</c>), as the site's pages mark it: the feed's own
    /// words are in the reader's language, the exercises are not.
    /// </summary>
    private static TextSyndicationContent InEnglish(TextSyndicationContent content)
    {
        content.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), ExerciseLanguage);
        return content;
    }

    /// <summary>
    /// Text XML can carry: forms refuse the characters it cannot (<see cref="StorableText"/>), but rows written before
    /// that rule, or by other means, may hold them, and one such character would fail the whole feed.
    /// </summary>
    private static string Xml(string text) => StorableText.Marked(text)!;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static FeedDocument Write(SyndicationFeed feed, DateTimeOffset lastModified)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        var content = stream.ToArray();
        var etag = ETagOf(content);
        // HTTP dates have whole seconds: a fraction would make every If-Modified-Since look older.
        var seconds = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new FeedDocument(content, seconds, etag);
    }
}
