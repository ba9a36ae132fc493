using LibrarianExercises.Web.Services.Editors;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>The editors' desk: what waits for them, and the way to each task.</summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin")]
public sealed class DashboardController(EditorsDeskQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await queries.DeskAsync(cancellationToken));
}
