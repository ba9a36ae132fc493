using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>A page for the sitemap: which one, and when what it shows last changed (null when nothing is known).</summary>
public sealed record SitemapPage(SitemapPageKind Kind, string Key, DateTime? LastModifiedUtc);

public enum SitemapPageKind
{
    Home,
    ExerciseList,
    TagList,
    Strategy,
    Exercise,
    Tag,
    Initiative,
}

/// <summary>
/// Every public page worth listing: the published exercises (<see cref="ExerciseVisibility"/>), the tags that have
/// one, and every initiative of the strategy edition the series cites. An exercise page changes when the exercise
/// or its published responses do; a tag's or initiative's page when one of its exercises does. Four round trips.
/// </summary>
public sealed class SitemapQueries(LibrarianDbContext db)
{
    private const string VersionKey = StrategySeeder.ExerciseSeriesVersionKey;

    public async Task<IReadOnlyList<SitemapPage>> PagesAsync(CancellationToken cancellationToken)
    {
        var exercises = await db.Exercises.Published()
            .Select(e => new
            {
                e.Number,
                e.UpdatedUtc,
                LatestResponse = e.Responses.Where(r => r.Status == ResponseStatus.Published).Max(r => (DateTime?)r.CreatedUtc),
            })
            .ToListAsync(cancellationToken);
        var changed = exercises.ToDictionary(
            e => e.Number,
            e => e.LatestResponse is { } latest && latest > e.UpdatedUtc ? latest : e.UpdatedUtc);
        var tags = await db.Tags
            .Select(t => new { t.Slug, Numbers = t.Exercises.AsQueryable().Where(ExerciseVisibility.IsPublished).Select(e => e.Number).ToList() })
            .ToListAsync(cancellationToken);
        var initiatives = await db.KeyInitiatives
            .Where(i => i.StrategicDirection.StrategyVersion.Key == VersionKey)
            .OrderBy(i => i.StrategicDirection.Number).ThenBy(i => i.Number)
            .Select(i => i.Code)
            .ToListAsync(cancellationToken);
        var links = await db.ExerciseInitiatives.OfPublishedExercises()
            .Where(l => l.KeyInitiative.StrategicDirection.StrategyVersion.Key == VersionKey)
            .Select(l => new { l.KeyInitiative.Code, l.Exercise.Number })
            .ToListAsync(cancellationToken);

        DateTime? Latest(IEnumerable<int> numbers) =>
            numbers.Select(n => changed.TryGetValue(n, out var at) ? at : (DateTime?)null).Max();

        var all = Latest(changed.Keys);
        var pages = new List<SitemapPage>
        {
            new(SitemapPageKind.Home, "", all),
            new(SitemapPageKind.ExerciseList, "", all),
            new(SitemapPageKind.TagList, "", all),
            new(SitemapPageKind.Strategy, "", all),
        };
        pages.AddRange(changed.OrderBy(e => e.Key).Select(e => new SitemapPage(
            SitemapPageKind.Exercise, e.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Value)));
        pages.AddRange(tags.Where(t => t.Numbers.Count > 0).OrderBy(t => t.Slug, StringComparer.Ordinal)
            .Select(t => new SitemapPage(SitemapPageKind.Tag, t.Slug, Latest(t.Numbers))));
        pages.AddRange(initiatives.Select(code => new SitemapPage(
            SitemapPageKind.Initiative, code, Latest(links.Where(l => l.Code == code).Select(l => l.Number)))));
        return pages;
    }
}
