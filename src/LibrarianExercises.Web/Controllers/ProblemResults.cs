using System.Globalization;
using LibrarianExercises.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

/// <summary>Helpers for reading route and query values, and for answering with the shared error page.</summary>
internal static class ProblemResults
{
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

    /// <summary>Absent means the first page; anything but a positive whole number is malformed.</summary>
    public static bool TryParsePage(string? text, out int page)
    {
        page = 1;
        return text is null
            || (text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1);
    }

    /// <summary>
    /// An initiative code is a direction number and an initiative number, such as "3.2". Leading zeros are
    /// dropped ("03.2" is 3.2) so that <paramref name="code"/> is the stored form.
    /// </summary>
    public static bool TryParseInitiativeCode(string? text, out string code)
    {
        code = "";
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot < 0
            || !TryParseSmallNumber(text[..dot], out var direction)
            || !TryParseSmallNumber(text[(dot + 1)..], out var initiative))
        {
            return false;
        }

        code = string.Create(CultureInfo.InvariantCulture, $"{direction}.{initiative}");
        return true;
    }

    /// <summary>Strategic directions are numbered with one or two plain digits.</summary>
    public static bool TryParseDirectionNumber(string? text, out int number) => TryParseSmallNumber(text, out number);

    private static bool TryParseSmallNumber(string? text, out int number)
    {
        number = 0;
        return text is { Length: > 0 and <= 2 }
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
