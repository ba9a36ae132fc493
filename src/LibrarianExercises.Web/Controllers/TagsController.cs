using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace LibrarianExercises.Web.Controllers;

[Route("/tags")]
public sealed class TagsController(ExerciseQueries queries) : Controller
{
    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.Lists])]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.TagsAsync(cancellationToken));

    /// <summary>A tag's archive. Slugs keep every script and ignore letter case.</summary>
    /// <remarks>Binding turns an address segment of blanks (<c>/tags/%20</c>) into null, so null is malformed too.</remarks>
    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.Lists])]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string? slug, string? page, CancellationToken cancellationToken)
    {
        if (!SlugGenerator.IsWellFormed(slug))
        {
            return this.ProblemView(ProblemKind.MalformedTag, StatusCodes.Status400BadRequest, RouteData.Values["slug"] as string);
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        var tag = await queries.FindTagAsync(SlugGenerator.Canonical(slug), cancellationToken);
        if (tag is null)
        {
            return this.ProblemView(ProblemKind.TagNotFound, StatusCodes.Status404NotFound, slug);
        }

        var exercises = await queries.ListAsync(pageNumber, new ExerciseFilter(TagSlug: tag.Slug), cancellationToken);
        return pageNumber > exercises.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(new ExerciseListViewModel(exercises, tag));
    }
}
