using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Feeds;
using LibrarianExercises.Web.Services.Site;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LibrarianExercises.Web.Controllers;

/// <summary>
/// Atom feeds: every exercise, a tag's, an initiative's, and an exercise's published responses. Each answers a
/// conditional GET (If-None-Match, If-Modified-Since) with 304 when nothing changed.
/// </summary>
public sealed class FeedsController(FeedQueries feeds, AtomFeeds atom, FeedWording wording, FeedStylesheet stylesheet, ExerciseQueries exercises, StrategyQueries strategy, SiteUrls urls) : Controller
{
    /// <summary>What a browser shows for a feed of this language (see <see cref="FeedStylesheet"/>).</summary>
    [AcceptVerbs("GET", "HEAD", Route = "/feed.xsl")]
    public IActionResult Stylesheet()
    {
        var document = stylesheet.For(HttpContext);
        // Asked again each time, answered 304 while unchanged: a release changes the site's stylesheets it links to.
        Response.Headers.CacheControl = "public, no-cache";
        return File(document.Content, FeedStylesheet.ContentType, null, new EntityTagHeaderValue(document.ETag));
    }

    [AcceptVerbs("GET", "HEAD", Route = "/feed")]
    public async Task<IActionResult> Exercises(CancellationToken cancellationToken)
    {
        var head = Head("exercises", wording.AllTitle, wording.AllSubtitle, Path(nameof(Exercises), "Feeds", null), Path("Index", "Exercises", null));
        var items = await feeds.AllAsync(ExerciseUrl, cancellationToken);
        return Send(atom.Exercises(head, items, await feeds.LatestUpdateAsync(cancellationToken)));
    }

    [AcceptVerbs("GET", "HEAD", Route = "/tags/{slug}/feed")]
    public async Task<IActionResult> Tag(string slug, CancellationToken cancellationToken)
    {
        if (!SlugGenerator.IsWellFormed(slug))
        {
            return this.ProblemView(ProblemKind.MalformedTag, StatusCodes.Status400BadRequest, slug);
        }

        var tag = await exercises.FindTagAsync(SlugGenerator.Canonical(slug), cancellationToken);
        if (tag is null)
        {
            return this.ProblemView(ProblemKind.TagNotFound, StatusCodes.Status404NotFound, slug);
        }

        var head = Head(
            "tag/" + tag.Slug,
            wording.TagTitle(tag.Name),
            wording.TagSubtitle(tag.Name),
            Path(nameof(Tag), "Feeds", new { slug = tag.Slug }),
            Path("Show", "Tags", new { slug = tag.Slug }));
        var items = await feeds.TaggedAsync(tag.Slug, ExerciseUrl, cancellationToken);
        return Send(atom.Exercises(head, items, await feeds.LatestUpdateAsync(cancellationToken)));
    }

    [AcceptVerbs("GET", "HEAD", Route = "/strategy/{code}/feed")]
    public async Task<IActionResult> Initiative(string code, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryParseInitiativeCode(code, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, code);
        }

        var initiative = await strategy.FindInitiativeAsync(StrategySeeder.ExerciseSeriesVersionKey, wanted, cancellationToken);
        if (initiative is null)
        {
            return this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, wanted);
        }

        var head = Head(
            "initiative/" + initiative.Code,
            wording.InitiativeTitle(initiative.Code, initiative.Name),
            wording.InitiativeSubtitle(initiative.Code),
            Path(nameof(Initiative), "Feeds", new { code = initiative.Code }),
            Path("Show", "Strategy", new { code = initiative.Code }));
        var items = await feeds.ServingAsync(initiative.Code, ExerciseUrl, cancellationToken);
        return Send(atom.Exercises(head, items, await feeds.LatestUpdateAsync(cancellationToken)));
    }

    [AcceptVerbs("GET", "HEAD", Route = "/exercises/{number}/responses/feed")]
    public async Task<IActionResult> Responses(string number, CancellationToken cancellationToken)
    {
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        var exercise = await feeds.ExerciseAsync(wanted, cancellationToken);
        if (exercise is null)
        {
            return this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number);
        }

        var head = Head(
            "exercise/" + exercise.Number + "/responses",
            wording.ResponsesTitle(exercise.Number, exercise.Title),
            wording.ResponsesSubtitle(exercise.Number),
            Path(nameof(Responses), "Feeds", new { number = exercise.Number }),
            Path("Show", "Exercises", new { number = exercise.Number }));
        return Send(atom.Responses(head, exercise, await feeds.ResponsesAsync(exercise.Number, cancellationToken)));
    }

    /// <summary>
    /// The feed, naming the stylesheet of its language by path, so that a browser applies it (same origin) and shows a
    /// page; a browser opening the address gets that page made here instead, since not every browser runs XSLT. The
    /// file result answers If-None-Match and If-Modified-Since with 304 by itself.
    /// </summary>
    private FileContentResult Send(FeedDocument document)
    {
        var styled = FeedStylesheet.Attach(document, Path(nameof(Stylesheet), "Feeds", null));
        Response.Headers.Append(HeaderNames.Vary, "Sec-Fetch-Dest");
        if (FeedStylesheet.IsPageRequest(Request))
        {
            var page = stylesheet.Page(HttpContext, styled);
            return File(page.Content, FeedStylesheet.PageContentType, page.LastModified, new EntityTagHeaderValue(page.ETag));
        }

        return File(styled.Content, AtomFeeds.ContentType, styled.LastModified, new EntityTagHeaderValue(styled.ETag));
    }

    private FeedHead Head(string key, string title, string subtitle, string selfPath, string pagePath) =>
        new(key, title, subtitle, selfPath, pagePath, Request.PathBase, Services.Languages.SiteLanguages.Current.Code);

    private string Path(string action, string controller, object? values) =>
        Url.Action(action, controller, new RouteValueDictionary(values) { ["area"] = "" })
            ?? throw new InvalidOperationException($"No route to {controller}.{action}.");

    private string ExerciseUrl(int number) => urls.Absolute(Path("Show", "Exercises", new { number }));
}
