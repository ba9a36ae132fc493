using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>
/// #100 with no known date, #95 known to the month only and #90 to the day, beside the starting content (#21, #42 and
/// #89, undated): no page, data block, feed, sitemap or API answer gives a date that is not known, and the lists put
/// the exercises in the series' order, whatever is known of their dates.
/// </summary>
public sealed class UnknownDateTests(UnknownDateTests.Exercises site) : IClassFixture<UnknownDateTests.Exercises>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private LibrarianAppFactory App => site.App;

    [Fact]
    public async Task AnUndatedExercisesPageShowsNoDateAndItsStructuredDataNone()
    {
        var page = await App.GetDocumentAsync("/exercises/100");

        Assert.Empty(page.QuerySelectorAll("article.exercise header time"));
        Assert.Null(page.QuerySelector("meta[property='article:published_time']"));
        using var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(data.RootElement.TryGetProperty("datePublished", out _), "an undated exercise was given a datePublished");
    }

    [Fact]
    public async Task ADateKnownToTheMonthIsGivenAsAMonthEverywhere()
    {
        var page = await App.GetDocumentAsync("/exercises/95");

        Assert.Equal("2021-05", page.QuerySelector("article.exercise header time")?.GetAttribute("datetime"));
        Assert.Equal("2021-05", page.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"));
        using var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("2021-05", data.RootElement.GetProperty("datePublished").GetString());
    }

    [Fact]
    public async Task TheApiGivesADayOrAMonthOnlyWhereItIsKnown()
    {
        using var client = App.CreateBrowserlessClient();
        using var undated = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/exercises/100", UriKind.Relative)));
        using var month = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/exercises/95", UriKind.Relative)));
        using var day = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/exercises/90", UriKind.Relative)));

        Assert.Equal(JsonValueKind.Null, undated.RootElement.GetProperty("publishedOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, undated.RootElement.GetProperty("publishedMonth").ValueKind);
        // A month is not a day: the 1st, which it is kept as, is not given as the day.
        Assert.Equal(JsonValueKind.Null, month.RootElement.GetProperty("publishedOn").ValueKind);
        Assert.Equal("2021-05", month.RootElement.GetProperty("publishedMonth").GetString());
        Assert.Equal("2021-06-07", day.RootElement.GetProperty("publishedOn").GetString());
        Assert.Equal("2021-06", day.RootElement.GetProperty("publishedMonth").GetString());
    }

    [Fact]
    public async Task AFeedEntryIsPublishedOnlyOnAKnownDayAndOtherwiseUpdatedWhenItLastChangedHere()
    {
        using var client = App.CreateBrowserlessClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed", UriKind.Relative)));
        var entries = feed.Root!.Elements(Atom + "entry").ToDictionary(e => e.Element(Atom + "title")!.Value.Split(':')[0]);
        var changed = await ChangedAsync();

        Assert.Equal(new DateTimeOffset(2021, 6, 7, 0, 0, 0, TimeSpan.Zero), Date(entries["#90"], "published"));
        Assert.Equal(new DateTimeOffset(2021, 6, 7, 0, 0, 0, TimeSpan.Zero), Date(entries["#90"], "updated"));
        foreach (var number in new[] { 100, 95, 89 })
        {
            var entry = entries["#" + number.ToString(CultureInfo.InvariantCulture)];
            Assert.Null(entry.Element(Atom + "published"));
            Assert.Equal(changed[number], Date(entry, "updated")!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        }

        // The feed's own date is its latest entry's, a true one.
        Assert.Equal(entries.Values.Max(e => Date(e, "updated")), Date(feed.Root, "updated"));
    }

    [Fact]
    public async Task AnUndatedExercisesFeedOfResponsesIsDatedByItsLastChange()
    {
        using var client = App.CreateBrowserlessClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/exercises/100/responses/feed", UriKind.Relative)));

        Assert.Equal((await ChangedAsync())[100], Date(feed.Root!, "updated")!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TheSitemapDatesAnUndatedExerciseByItsLastChangeOnly()
    {
        using var client = App.CreateBrowserlessClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/1.xml", UriKind.Relative)));
        var lastmod = sitemap.Root!.Elements(Sitemap + "url")
            .Single(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath == "/exercises/100")
            .Element(Sitemap + "lastmod")!.Value;

        Assert.Equal((await ChangedAsync())[100], DateTime.Parse(lastmod, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(1));
    }

    /// <summary>The series numbers its exercises as it publishes them: #100, undated, is the newest.</summary>
    [Fact]
    public async Task TheLatestExercisesAndTheFeedsGoByNumberSoTheUndatedHundredthComesFirst()
    {
        var home = await App.GetDocumentAsync("/");
        using var client = App.CreateBrowserlessClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed", UriKind.Relative)));

        Assert.Equal(
            ["/exercises/100", "/exercises/95", "/exercises/90", "/exercises/89", "/exercises/42"],
            home.QuerySelectorAll(".exercise-list h3 a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            ["#100", "#95", "#90", "#89", "#42", "#21"],
            feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value.Split(':')[0]));
    }

    private static DateTimeOffset? Date(XElement element, string name) =>
        element.Element(Atom + name) is { } date ? DateTimeOffset.Parse(date.Value, CultureInfo.InvariantCulture) : null;

    private Task<Dictionary<int, DateTime>> ChangedAsync() =>
        App.WithDbAsync(db => db.Exercises.ToDictionaryAsync(e => e.Number, e => e.UpdatedUtc));

    /// <summary>The site with the three exercises of these tests, made once for the class.</summary>
    public sealed class Exercises : IAsyncLifetime
    {
        public LibrarianAppFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            await App.ImportAsync(BlogText.MonthArchive(
                "May 2021",
                BlogText.Post(95, "Known to the month", "look at the calendar", "Key Initiative 3.2: Support virtual networking and connections")));
            await App.CreateExerciseAsync(90, "Known to the day", "Its text.", new DateOnly(2021, 6, 7));
            // Created a day later than the others, so that its last change is a date of its own.
            App.Clock.Advance(TimeSpan.FromDays(1));
            await App.CreateExerciseAsync(100, "Not dated anywhere", "Its text.");
            App.Clock.Advance(TimeSpan.FromDays(3));
            Assert.Equal(HttpStatusCode.OK, (await App.FetchAsync("/exercises/100")).Status);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
