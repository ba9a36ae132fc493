using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Areas.Admin;

/// <summary>The number of held responses, beside "Responses" in the editors' navigation.</summary>
public sealed class WaitingResponsesViewComponent(ModerationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await queries.WaitingCountAsync(HttpContext.RequestAborted));
}
