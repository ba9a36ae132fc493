using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Responses;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace LibrarianExercises.Web.Controllers;

[Route("/exercises")]
public sealed class ExercisesController(
    ExerciseQueries queries,
    ResponseQueries responses,
    ResponseScreening screening,
    FormTokens formTokens,
    ClientAddresses clients,
    ResponseStore store,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ResponseOptions> rules,
    Countries countries,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.SiteText> text,
    ILogger<ExercisesController> logger) : Controller
{
    private const string JustPostedKey = "JustPosted";

    /// <summary>Every exercise by number, a page at a time; <c>?number=89</c> goes straight to that exercise.</summary>
    /// <remarks><c>?initiative=3.2</c> or <c>?direction=3</c> keep the exercises serving that part of the IFLA Strategy.</remarks>
    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.Lists])]
    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? page,
        string? number,
        string? initiative,
        string? direction,
        [FromServices] StrategyQueries strategy,
        CancellationToken cancellationToken)
    {
        if (number is not null)
        {
            var typed = number.Trim().TrimStart('#');
            if (!ExerciseNumber.TryParse(typed, out var wanted))
            {
                return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
            }

            return await queries.ExistsAsync(wanted, cancellationToken)
                ? RedirectToAction(nameof(Show), new { number = wanted.Value })
                : this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, wanted.ToString());
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        StrategyListFilter? strategyFilter = null;
        if (initiative is not null || direction is not null)
        {
            var (filter, problem) = await StrategyFilterAsync(initiative, direction, strategy, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            strategyFilter = filter;
        }

        var exercises = await queries.ListAsync(
            pageNumber,
            new ExerciseFilter(InitiativeCode: strategyFilter?.Initiative?.Code, DirectionNumber: strategyFilter?.Direction?.Number),
            cancellationToken);
        return pageNumber > exercises.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(new ExerciseListViewModel(exercises, Strategy: strategyFilter));
    }

    /// <summary>The canonical page of an exercise, with its published responses a page at a time and the form.</summary>
    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.ExercisePages])]
    [FillsFormTokens]
    [HttpGet("{number}")]
    public async Task<IActionResult> Show(string number, string? page, CancellationToken cancellationToken)
    {
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        if (!RouteValues.TryParsePage(page, out var responsePage))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        // A response to this exercise evicts its page, and only its page and the lists.
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(PageCache.Exercise(wanted));
        var model = await LoadPageAsync(wanted, responsePage, new ResponseForm(), cancellationToken);
        if (model is null)
        {
            return this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number);
        }

        return responsePage > model.Responses.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(model with { JustPosted = PagePolicy.HasMessageFor(Request) && Enum.TryParse<Data.ResponseStatus>(TempData[JustPostedKey] as string, out var status) ? status : null });
    }

    /// <summary>Reads the strategy filters: a malformed one is a bad request, one the strategy lacks is not found.</summary>
    private async Task<(StrategyListFilter? Filter, IActionResult? Problem)> StrategyFilterAsync(
        string? initiative, string? direction, StrategyQueries strategy, CancellationToken cancellationToken)
    {
        // Both are read before either is looked up, so that a malformed one is reported whatever the other holds.
        string? code = null;
        if (initiative is not null)
        {
            if (!RouteValues.TryParseInitiativeCode(initiative, out var parsed))
            {
                return (null, this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, initiative));
            }

            code = parsed;
        }

        int? directionNumber = null;
        if (direction is not null)
        {
            if (!RouteValues.TryParseDirectionNumber(direction, out var parsed))
            {
                return (null, this.ProblemView(ProblemKind.MalformedDirection, StatusCodes.Status400BadRequest, direction));
            }

            directionNumber = parsed;
        }

        const string versionKey = StrategySeeder.ExerciseSeriesVersionKey;
        InitiativeRef? foundInitiative = null;
        if (code is not null)
        {
            foundInitiative = await strategy.FindInitiativeAsync(versionKey, code, cancellationToken);
            if (foundInitiative is null)
            {
                return (null, this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, code));
            }
        }

        DirectionRef? foundDirection = null;
        if (directionNumber is { } number)
        {
            foundDirection = await strategy.FindDirectionAsync(versionKey, number, cancellationToken);
            if (foundDirection is null)
            {
                return (null, this.ProblemView(ProblemKind.DirectionNotFound, StatusCodes.Status404NotFound, direction));
            }
        }

        return (new StrategyListFilter(foundDirection, foundInitiative), null);
    }

    /// <summary>Readable addresses such as <c>/exercises/89/make-a-connection</c> lead to the canonical one.</summary>
    [HttpGet("{number}/{slug}")]
    public IActionResult ShowWithSlug(string number, string slug) =>
        ExerciseNumber.TryParse(number, out var wanted)
            ? RedirectToActionPermanent(nameof(Show), new { number = wanted.Value })
            : this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);

    /// <summary>
    /// Stores a response before anything else, then sends the visitor to it (303). Suspicious responses are kept
    /// for review, never dropped; a form with mistakes comes back (400) with everything typed still in it.
    /// </summary>
    [FillsFormTokens]
    [HttpPost("{number}/responses")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(WebSetup.ResponsePostingPolicy)]
    [RequestSizeLimit(ResponseForm.MaxPostBytes)]
    [RequestFormLimits(ValueLengthLimit = ResponseForm.MaxPostBytes, MultipartBodyLengthLimit = ResponseForm.MaxPostBytes)]
    [RefuseOversizePosts]
    public async Task<IActionResult> PostResponse(string number, [Bind(Prefix = "Form")] ResponseForm form)
    {
        // Not cancellable: once the visitor has pressed the button, their words are kept even if they leave.
        var cancellationToken = CancellationToken.None;
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number, form.Text);
        }

        var ticket = formTokens.Read(form.FormToken);
        var exercise = await queries.FindForResponseAsync(wanted, ticket?.Nonce, cancellationToken);
        if (exercise is null)
        {
            return this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number, form.Text);
        }

        if (!exercise.ResponsesOpen)
        {
            return this.ProblemView(ProblemKind.ResponsesClosed, StatusCodes.Status403Forbidden, number, form.Text);
        }

        if (!string.IsNullOrEmpty(form.Country) && !countries.IsKnown(form.Country))
        {
            ModelState.AddModelError("Form.Country", text["Please choose a country from the list, or none."]);
        }

        if (!ModelState.IsValid)
        {
            var page = await LoadPageAsync(wanted, 1, form, cancellationToken);
            var result = View("Show", page);
            result.StatusCode = StatusCodes.Status400BadRequest;
            return result;
        }

        var replayed = ticket is not null && exercise.FormAlreadyUsed;
        var verdict = ScreenSafely(form, ticket, wanted, replayed);
        var client = clients.Hash(HttpContext.Connection.RemoteIpAddress);
        if (verdict.Status == Data.ResponseStatus.Held && client is not null
            && await responses.HeldFromClientAsync(client, TimeSpan.FromDays(1), clock.GetUtcNow().UtcDateTime, cancellationToken) >= rules.Value.HeldPerClientPerDay)
        {
            // Refused, not stored: a flood of held responses from one client would bury the moderators. A person
            // who gets here is told so and given their text back.
            logger.LogWarning("Response to exercise {ExerciseNumber} refused: the client has too many held responses", wanted.Value);
            return this.ProblemView(ProblemKind.TooManyHeld, StatusCodes.Status429TooManyRequests, number, form.Text);
        }

        var (response, place) = await store.AddAsync(exercise, form, verdict, client, ticket?.Nonce, cancellationToken);
        logger.LogInformation(
            "Response {ResponseId} to exercise {ExerciseNumber} stored as {ResponseStatus} {HoldReason}",
            response.Id, wanted.Value, response.Status, response.HoldReason);

        if (response.Status != Data.ResponseStatus.Published)
        {
            TempData[JustPostedKey] = response.Status.ToString();
            return this.SeeOther(Url.Action(nameof(Show), null, new { number = wanted.Value }, null, null, "response-status")!);
        }

        TempData[JustPostedKey] = response.Status.ToString();
        // The place the commit read for the group it was stored with; counted here only when it could not tell.
        var onPage = place is { } known ? (known / responses.PageSize) + 1 : await responses.PageOfAsync(response, cancellationToken);
        // Routed, so that a response posted from /es/exercises/42 brings its writer back to the Spanish page.
        var back = Url.Action(nameof(Show), null, new { number = wanted.Value, page = onPage > 1 ? onPage : (int?)null }, null, null, $"response-{response.Id}")!;
        return this.SeeOther(back);
    }

    /// <summary>Screening must never cost a response: if it fails, the response is kept for a person to look at.</summary>
    private ScreeningResult ScreenSafely(ResponseForm form, FormTicket? ticket, int number, bool replayed)
    {
        try
        {
            return screening.Screen(form, ticket, number, replayed);
        }
#pragma warning disable CA1031 // Any failure here is logged and answered by holding the response.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Screening a response failed; holding it for review");
            return new ScreeningResult(Data.ResponseStatus.Held, HoldReasons.ScreeningFailed);
        }
    }

    private async Task<ExercisePageViewModel?> LoadPageAsync(int number, int responsePage, ResponseForm form, CancellationToken cancellationToken)
    {
        var exercise = await queries.FindAsync(number, n => Url.Action(nameof(Show), new { number = n })!, cancellationToken);
        if (exercise is null)
        {
            return null;
        }

        ViewData["Countries"] = countries.All();
        return exercise with
        {
            Responses = await responses.PageAsync(number, responsePage, exercise.ResponseCount, cancellationToken),
            Form = form,
        };
    }
}
