using LibrarianExercises.Web.Services.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OutputCaching;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// The API's reference for people at <c>/api/reference</c>: a page of the site, drawn on the server from the same
/// OpenAPI document that <c>/openapi/v1.json</c> serves, so it needs no script and cannot drift from the API. Its
/// interface is in the reader's language; the document's words are English and marked so.
/// </summary>
[Route(ApiReference.Path)]
public sealed class ApiReferenceController : Controller
{
    // The document changes only with the program, so the page is cached like the other pages.
    [OutputCache(PolicyName = PagePolicy.Name)]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromKeyedServices(ApiDocument.Name)] IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return View(ApiReferencePage.From(await documents.GetOpenApiDocumentAsync(cancellationToken)));
    }
}
