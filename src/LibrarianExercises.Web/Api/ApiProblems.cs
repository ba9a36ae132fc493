using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// Every error the API gives, in words. A malformed value is a 400 naming the parameter; a well-formed one that names
/// nothing is a 404 naming it too.
/// </summary>
internal static class ApiProblems
{
    private const int EchoedValueLength = 100;

    public static ApiProblem MalformedExerciseNumber(HttpContext context, string value) => Of(
        context, StatusCodes.Status400BadRequest, "number", value,
        $"Exercise numbers are whole numbers from 1 to 99999 written in the digits 0-9, such as 89; \"{Echo(value)}\" is not one.");

    public static ApiProblem MalformedPage(HttpContext context, string value) => Of(
        context, StatusCodes.Status400BadRequest, "page", value,
        $"Page numbers are whole numbers from 1 to 999999 written in the digits 0-9; \"{Echo(value)}\" is not one.");

    public static ApiProblem MalformedTag(HttpContext context, string value) => Of(
        context, StatusCodes.Status400BadRequest, "tag", value,
        $"\"{Echo(value)}\" cannot be a tag's slug: slugs are words of letters and digits (in any script) joined by hyphens, " +
        "at most 100 characters, as /api/tags gives them.");

    public static ApiProblem MalformedInitiativeCode(HttpContext context, string value) => Of(
        context, StatusCodes.Status400BadRequest, "initiative", value,
        $"Key initiative codes are two whole numbers of one or two digits joined by a full stop, such as 3.2; \"{Echo(value)}\" is not one.");

    public static ApiProblem ExerciseNotFound(HttpContext context, int number) => Of(
        context, StatusCodes.Status404NotFound, "number", Text(number),
        $"There is no published exercise #{Text(number)}: it may not have been published or imported yet. /api/exercises lists every one.");

    public static ApiProblem TagNotFound(HttpContext context, string value) => Of(
        context, StatusCodes.Status404NotFound, "tag", value,
        $"No tag has the slug \"{Echo(value)}\". /api/tags lists every tag in use.");

    public static ApiProblem InitiativeNotFound(HttpContext context, string code) => Of(
        context, StatusCodes.Status404NotFound, "initiative", code,
        $"The IFLA Strategy the exercises cite has no key initiative {code}. /api/strategy lists every one.");

    public static ApiProblem PageOutOfRange(HttpContext context, int page, int pageCount) => Of(
        context, StatusCodes.Status404NotFound, "page", Text(page),
        $"The list runs to page {Text(pageCount)}; there is no page {Text(page)}.");

    public static ApiProblem StrategyNotLoaded(HttpContext context) => Of(
        context, StatusCodes.Status404NotFound, null, null,
        "The IFLA Strategy edition the exercises cite is not loaded yet.");

    public static ApiProblem ServerError(HttpContext context) => Of(
        context, StatusCodes.Status500InternalServerError, null, null,
        "The request failed because of an error on our side. Please try again in a moment.");

    /// <summary>For a status no endpoint explained itself: an unknown address, a method the API does not take, and so on.</summary>
    public static ApiProblem ForStatus(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound =>
                "Nothing in the API answers at this address. /openapi/v1.json describes every address it has.",
            StatusCodes.Status405MethodNotAllowed =>
                $"The API is read-only: this address answers {AllowedMethods(context)}, not {context.Request.Method}.",
            StatusCodes.Status415UnsupportedMediaType =>
                "The request's body is in a character set the API does not read; the API takes no body at all.",
            >= 500 => "The request failed because of an error on our side. Please try again in a moment.",
            _ => "The request could not be answered as it was sent.",
        };
        return Of(context, status, null, null, detail);
    }

    private static ApiProblem Of(HttpContext context, int status, string? parameter, string? value, string detail) => new(
        "about:blank",
        ReasonPhrases.GetReasonPhrase(status),
        status,
        detail,
        context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
        parameter,
        value is null ? null : Echo(value));

    private static string AllowedMethods(HttpContext context) =>
        context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow.Replace(", ", " and ", StringComparison.Ordinal) : "GET and HEAD";

    private static string Echo(string value)
    {
        if (value.Length <= EchoedValueLength)
        {
            return value;
        }

        var cut = value[..EchoedValueLength];
        return (char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut) + "…";
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
