using System.Globalization;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Responses;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// The read-only JSON API under <c>/api</c>. Each endpoint reads its route and query values by the same rules as the
/// pages (<see cref="ExerciseNumber"/>, <see cref="RouteValues"/>, <see cref="SlugGenerator"/>), asks the same query
/// services, and maps what they return onto the API's own contract records. Every endpoint answers GET and HEAD only.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api";
    public const string DocumentPrefix = "/openapi";
    public const string CorsPolicy = "public-api";

    public const string ExercisesTag = "Exercises";
    public const string TagsTag = "Tags";
    public const string StrategyTag = "Strategy";

    private const string VersionKey = StrategySeeder.ExerciseSeriesVersionKey;
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapLibrarianApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // An output cache policy goes on this group: the answers depend only on the path and the query, set no cookie
        // and carry their ETag.
        var api = endpoints.MapGroup(Prefix)
            .RequireCors(CorsPolicy)
            .ProducesNotModified()
            .ProducesApiProblem(StatusCodes.Status500InternalServerError);

        api.MapMethods("/exercises", ReadMethods, ListExercises)
            .WithName("listExercises")
            .WithTags(ExercisesTag)
            .WithSummary("List published exercises")
            .WithDescription(
                "Published exercises by number, oldest first, " + Text(ExerciseQueries.PageSize) + " a page. " +
                "`tag` keeps those carrying a tag and `initiative` those serving a key initiative; given both, an exercise must match both.")
            .Produces<ExerciseListPage>(contentType: "application/json")
            .ProducesApiProblem(StatusCodes.Status400BadRequest)
            .ProducesApiProblem(StatusCodes.Status404NotFound);

        api.MapMethods("/exercises/{number}", ReadMethods, GetExercise)
            .WithName("getExercise")
            .WithTags(ExercisesTag)
            .WithSummary("Get one published exercise")
            .WithDescription("The exercise's text as Markdown and as rendered HTML, its tags, the key initiatives it serves with the labels its post printed, and how many responses are published.")
            .Produces<ExerciseDetail>(contentType: "application/json")
            .ProducesApiProblem(StatusCodes.Status400BadRequest)
            .ProducesApiProblem(StatusCodes.Status404NotFound);

        api.MapMethods("/exercises/{number}/responses", ReadMethods, ListResponses)
            .WithName("listExerciseResponses")
            .WithTags(ExercisesTag)
            .WithSummary("List an exercise's published responses")
            .WithDescription("Published responses, oldest first, a page at a time. Held and spam responses are never given.")
            .Produces<ResponseListPage>(contentType: "application/json")
            .ProducesApiProblem(StatusCodes.Status400BadRequest)
            .ProducesApiProblem(StatusCodes.Status404NotFound);

        api.MapMethods("/tags", ReadMethods, ListTags)
            .WithName("listTags")
            .WithTags(TagsTag)
            .WithSummary("List every tag in use")
            .WithDescription("Every tag carried by at least one published exercise, with how many carry it.")
            .Produces<TagList>(contentType: "application/json");

        api.MapMethods("/strategy", ReadMethods, GetStrategy)
            .WithName("getStrategy")
            .WithTags(StrategyTag)
            .WithSummary("Get the IFLA Strategy and its exercises")
            .WithDescription("The edition of the IFLA Strategy the exercises cite: its strategic directions and key initiatives in order, the published exercises serving each, and those serving none.")
            .Produces<StrategyEdition>(contentType: "application/json")
            .ProducesApiProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static RouteHandlerBuilder ProducesApiProblem(this RouteHandlerBuilder builder, int statusCode) =>
        builder.Produces<ApiProblem>(statusCode, "application/problem+json");

    private static RouteGroupBuilder ProducesApiProblem(this RouteGroupBuilder builder, int statusCode) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ApiProblem), ["application/problem+json"]));

    private static RouteGroupBuilder ProducesNotModified(this RouteGroupBuilder builder) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));

    private static async Task<IResult> ListExercises(
        HttpContext context,
        [FromQuery] string? page,
        [FromQuery] string? tag,
        [FromQuery] string? initiative,
        [FromServices] ExerciseQueries exercises,
        [FromServices] StrategyQueries strategy,
        CancellationToken cancellationToken)
    {
        // Every value is read before any is looked up, so that a malformed one is reported whatever the others hold.
        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return ApiResults.Problem(ApiProblems.MalformedPage(context, page!));
        }

        if (tag is not null && !SlugGenerator.IsWellFormed(tag))
        {
            return ApiResults.Problem(ApiProblems.MalformedTag(context, tag));
        }

        string? code = null;
        if (initiative is not null)
        {
            if (!RouteValues.TryParseInitiativeCode(initiative, out var parsed))
            {
                return ApiResults.Problem(ApiProblems.MalformedInitiativeCode(context, initiative));
            }

            code = parsed;
        }

        TagLink? foundTag = null;
        if (tag is not null)
        {
            foundTag = await exercises.FindTagAsync(SlugGenerator.Canonical(tag), cancellationToken);
            if (foundTag is null)
            {
                return ApiResults.Problem(ApiProblems.TagNotFound(context, tag));
            }
        }

        if (code is not null && await strategy.FindInitiativeAsync(VersionKey, code, cancellationToken) is null)
        {
            return ApiResults.Problem(ApiProblems.InitiativeNotFound(context, code));
        }

        var list = await exercises.ListAsync(
            pageNumber,
            new ExerciseFilter(TagSlug: foundTag?.Slug, InitiativeCode: code, NewestFirst: false),
            cancellationToken);
        if (pageNumber > list.PageCount)
        {
            return ApiResults.Problem(ApiProblems.PageOutOfRange(context, pageNumber, list.PageCount));
        }

        var filter = string.Join("&", new[]
        {
            foundTag is null ? null : "tag=" + Uri.EscapeDataString(foundTag.Slug),
            code is null ? null : "initiative=" + Uri.EscapeDataString(code),
        }.OfType<string>());
        return ApiResults.Resource(new ExerciseListPage(
            list.Page,
            list.PageSize,
            list.PageCount,
            list.TotalCount,
            [.. list.Items.Select(ApiMapping.ToListItem)],
            ApiMapping.PageLinksOf(Prefix + "/exercises", filter, list.Page, list.PageCount)));
    }

    private static async Task<IResult> GetExercise(
        HttpContext context,
        [FromRoute] string number,
        [FromServices] ExerciseQueries exercises,
        CancellationToken cancellationToken)
    {
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return ApiResults.Problem(ApiProblems.MalformedExerciseNumber(context, number));
        }

        var exercise = await exercises.FindDocumentAsync(wanted, ApiMapping.ExercisePage, cancellationToken);
        return exercise is null
            ? ApiResults.Problem(ApiProblems.ExerciseNotFound(context, wanted))
            : ApiResults.Resource(ApiMapping.ToDetail(exercise));
    }

    private static async Task<IResult> ListResponses(
        HttpContext context,
        [FromRoute] string number,
        [FromQuery] string? page,
        [FromServices] ExerciseQueries exercises,
        [FromServices] ResponseQueries responses,
        CancellationToken cancellationToken)
    {
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return ApiResults.Problem(ApiProblems.MalformedExerciseNumber(context, number));
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return ApiResults.Problem(ApiProblems.MalformedPage(context, page!));
        }

        // The responses of a retired exercise are kept, but not shown.
        if (!await exercises.ExistsAsync(wanted, cancellationToken))
        {
            return ApiResults.Problem(ApiProblems.ExerciseNotFound(context, wanted));
        }

        var list = await responses.PageAsync(wanted, pageNumber, cancellationToken);
        if (pageNumber > list.PageCount)
        {
            return ApiResults.Problem(ApiProblems.PageOutOfRange(context, pageNumber, list.PageCount));
        }

        return ApiResults.Resource(new ResponseListPage(
            list.Page,
            list.PageSize,
            list.PageCount,
            list.TotalCount,
            [.. list.Items.Select(ApiMapping.ToPublishedResponse)],
            ApiMapping.PageLinksOf(ApiMapping.ExerciseResource(wanted) + "/responses", "", list.Page, list.PageCount)));
    }

    private static async Task<IResult> ListTags([FromServices] ExerciseQueries exercises, CancellationToken cancellationToken) =>
        ApiResults.Resource(new TagList([.. (await exercises.TagsAsync(cancellationToken)).Select(ApiMapping.ToTagListItem)]));

    private static async Task<IResult> GetStrategy(HttpContext context, [FromServices] StrategyQueries strategy, CancellationToken cancellationToken)
    {
        var overview = await strategy.OverviewAsync(VersionKey, latestPerInitiative: null, cancellationToken);
        return overview is null
            ? ApiResults.Problem(ApiProblems.StrategyNotLoaded(context))
            : ApiResults.Resource(ApiMapping.ToEdition(overview));
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
