using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Search;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

/// <summary>
/// Search across exercise titles and text and published responses: a plain GET form, so that results can be
/// bookmarked and work without JavaScript.
/// </summary>
[Route("/search")]
public sealed class SearchController(SearchQueries search, ILogger<SearchController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? page, CancellationToken cancellationToken)
    {
        // "?q=" (the box sent empty) is a question with nothing in it; no q at all is the page before any question.
        if (!Request.Query.ContainsKey("q") && page is null)
        {
            return View(SearchViewModel.Unasked);
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        var query = SearchQuery.Parse(q);
        if (!query.IsSearchable)
        {
            return Refused(query);
        }

        SearchViewModel results;
        try
        {
            results = await search.SearchAsync(query, pageNumber, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsQueryRefused(e))
        {
            // Every word is quoted, so this should not happen; if it does, the visitor gets an explanation, not a 500.
            logger.LogWarning(e, "The search index refused a query");
            return Refused(query, SearchProblem.NoWords);
        }

        return pageNumber > results.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(results);
    }

    private ViewResult Refused(SearchQuery query, SearchProblem? problem = null)
    {
        var result = View(SearchViewModel.Refused(query));
        result.ViewData["SearchProblem"] = problem ?? query.Problem;
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
