using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using static LibrarianExercises.Web.Services.Languages.InterfaceMarkup;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// How the API reference writes what the OpenAPI document names: methods, paths, parameter and field names, types and
/// JSON Schema's keywords are code, left to right in every language and marked as English, never interface text.
/// </summary>
internal static class ApiReferenceMarkup
{
    public static IHtmlContent Code(string text) => new HtmlString($"<code lang=\"en\" dir=\"ltr\">{HtmlEncoder.Default.Encode(text)}</code>");

    /// <summary>"GET /api/exercises List published exercises": the method and path as code, the summary in English.</summary>
    public static IHtmlContent OperationName(ApiReferenceOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var name = new HtmlContentBuilder().AppendHtml(Code(operation.Method + " " + operation.Path));
        return operation.Summary is { } summary ? name.AppendHtml(" ").AppendHtml(InEnglish(summary)) : name;
    }

    /// <summary>A type, its named schemas linked to their part of the page, and the rules a value must meet below it.</summary>
    public static IHtmlContent Type(IReadOnlyList<ApiReferenceTypePart> parts, IReadOnlyList<string>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var html = new HtmlContentBuilder().AppendHtml("<code lang=\"en\" dir=\"ltr\">");
        foreach (var part in parts)
        {
            if (part.Anchor is { } anchor)
            {
                html.AppendHtml($"<a href=\"#{HtmlEncoder.Default.Encode(anchor)}\">").Append(part.Text).AppendHtml("</a>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        html.AppendHtml("</code>");
        if (rules is { Count: > 0 })
        {
            html.AppendHtml("<ul class=\"list-unstyled small mb-0\">");
            foreach (var rule in rules)
            {
                html.AppendHtml("<li>").AppendHtml(Code(rule)).AppendHtml("</li>");
            }

            html.AppendHtml("</ul>");
        }

        return html;
    }
}
