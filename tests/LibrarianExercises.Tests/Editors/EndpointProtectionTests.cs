using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Editors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Editors;

/// <summary>
/// Every endpoint the app maps, checked for protection, so that a new route cannot slip out unprotected: all of
/// /admin needs the editor policy and antiforgery on unsafe methods; elsewhere an unsafe method needs both, except
/// the visitors' response post and signing in and out, which need antiforgery only.
/// </summary>
public sealed class EndpointProtectionTests : IClassFixture<LibrarianAppFactory>
{
    private static readonly string[] SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    // Unsafe, but open to anyone: each still needs antiforgery.
    private static readonly string[] PublicWrites =
    [
        "exercises/{number}/responses",
        "account/login",
        "account/login/two-factor",
        "account/login/recovery-code",
        "account/logout",
    ];

    private readonly LibrarianAppFactory _app;

    public EndpointProtectionTests(LibrarianAppFactory app) => _app = app;

    private List<RouteEndpoint> Endpoints() =>
        [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    [Fact]
    public void TheAppHasAdminEndpointsToCheck() =>
        Assert.True(Endpoints().Count(e => IsAdmin(e)) >= 10, "Expected the editors' pages among the endpoints.");

    [Fact]
    public void EveryAdminEndpointRequiresTheEditorPolicy()
    {
        var unprotected = Endpoints().Where(IsAdmin).Where(e => !RequiresEditor(e)).Select(Describe).ToList();
        Assert.Empty(unprotected);
    }

    [Fact]
    public void EveryUnsafeEndpointOutsideTheVisitorsFormsRequiresTheEditorPolicy()
    {
        var open = Endpoints()
            .Where(e => AcceptsUnsafeMethod(e) && !IsErrorPage(e) && !PublicWrites.Contains(e.RoutePattern.RawText?.TrimStart('/')))
            .Where(e => !RequiresEditor(e))
            .Select(Describe)
            .ToList();
        Assert.Empty(open);
    }

    [Fact]
    public void EveryUnsafeEndpointRequiresAntiforgery()
    {
        var unchecked_ = Endpoints().Where(e => AcceptsUnsafeMethod(e) && !IsErrorPage(e) && !ValidatesAntiforgery(e)).Select(Describe).ToList();
        Assert.Empty(unchecked_);
    }

    [Fact]
    public void TheVisitorsWritesAreAllStillMapped()
    {
        var patterns = Endpoints().Select(e => e.RoutePattern.RawText?.TrimStart('/')).ToHashSet();
        Assert.All(PublicWrites, p => Assert.Contains(p, patterns));
    }

    private static bool IsAdmin(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText?.TrimStart('/') is { } pattern && (pattern == "admin" || pattern.StartsWith("admin/", StringComparison.Ordinal));

    private static bool RequiresEditor(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == EditorRegistration.EditorPolicy)
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    private static bool AcceptsUnsafeMethod(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Any(m => !SafeMethods.Contains(m));

    /// <summary>The error page answers any method, but only shows a page: it changes nothing.</summary>
    private static bool IsErrorPage(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { ControllerName: "Home", ActionName: "Error" };

    /// <summary>The global AutoValidateAntiforgeryToken filter or an action's own, unless the nearest one ignores it.</summary>
    private static bool ValidatesAntiforgery(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
        {
            return true;
        }

        var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
        var nearest = action?.FilterDescriptors
            .OrderBy(f => f.Order).ThenBy(f => f.Scope)
            .Select(f => f.Filter)
            .LastOrDefault(f => f is IAntiforgeryPolicy || f is AutoValidateAntiforgeryTokenAttribute || f is ValidateAntiForgeryTokenAttribute || f is IgnoreAntiforgeryTokenAttribute);
        return nearest is AutoValidateAntiforgeryTokenAttribute or ValidateAntiForgeryTokenAttribute;
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])} {endpoint.RoutePattern.RawText}";
}
