using System.Security.Cryptography;
using Scalar.AspNetCore;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// The browsable reference for the OpenAPI document at <c>/api/reference</c>, drawn by Scalar from its own script,
/// served from this site. Scalar's page configures itself with an inline script and its script adds a style sheet,
/// both of which the site's policy forbids: this page alone gets a policy allowing scripts and style sheets that carry
/// a nonce made for each request, and nothing else inline. The few style attributes Scalar sets (a scrollbar
/// measurement, a badge's colour) stay blocked, at no visible cost.
/// </summary>
internal static class ApiReference
{
    public const string Path = ApiEndpoints.Prefix + "/reference";

    public static bool IsReferencePath(string path) =>
        path.Equals(Path, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Path + "/", StringComparison.OrdinalIgnoreCase);

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapScalarApiReference(Path, (options, context) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            options
                .WithTitle("10-Minute International Librarian API reference")
                .WithOpenApiRoutePattern(ApiEndpoints.DocumentPrefix + "/{documentName}.json")
                .AddDocument(ApiDocument.Name)
                // Nothing fetched from or sent elsewhere: no web fonts, no telemetry, no assistant, and no developer
                // tools bar (its buttons share the document with, or deploy to, Scalar's own services).
                .DisableDefaultFonts()
                .HideDeveloperTools()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .WithNonce(nonce)
                // Scalar gives its style sheet the nonce it finds here.
                .AddHeadContent($"<meta property=\"csp-nonce\" content=\"{nonce}\">");
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        });

    private static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
