using LibrarianExercises.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

/// <summary>The answers the controllers share: the problem page, and the redirect after a post.</summary>
internal static class ControllerResults
{
    /// <summary>The shared problem page (<c>Views/Shared/Problem.cshtml</c>), explaining <paramref name="problem"/>, with its status code.</summary>
    public static ViewResult ProblemView(this Controller controller, ProblemKind problem, int statusCode, string? value = null, string? submittedText = null)
    {
        var result = controller.View("Problem", new ProblemViewModel(problem, statusCode, value, submittedText));
        result.StatusCode = statusCode;
        return result;
    }

    /// <summary>303 See Other: after a post, the browser fetches the page with GET.</summary>
    public static IActionResult SeeOther(this Controller controller, string url)
    {
        controller.Response.Headers.Location = url;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
