using System.Text.Encodings.Web;
using System.Text.Json.Serialization;

namespace LibrarianExercises.Web.Api;

/// <summary>The JSON API's services, its error handling and its endpoints, kept out of WebSetup.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddLibrarianApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            // Only what JSON itself requires is escaped, so that names in every script, quotes and the HTML of the text
            // stay readable. The JSON is served as application/json with nosniff and never placed into a page here.
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // The API reads no JSON; numbers are numbers, in the document's schemas too.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddCors(options => options.AddPolicy(ApiEndpoints.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("If-None-Match")
            .WithExposedHeaders("ETag")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        return services;
    }

    /// <summary>Problem details for every error under /api and /openapi; goes after the status code pages.</summary>
    public static IApplicationBuilder UseLibrarianApiErrors(this IApplicationBuilder app) => app.Use(ApiErrors.AnswerWithProblemDetails);

    public static IEndpointRouteBuilder MapLibrarianApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLibrarianApiEndpoints();
        // The one document at its own address: another name is an unknown address, answered like any other.
        endpoints.MapOpenApi(ApiDocument.Path).RequireCors(ApiEndpoints.CorsPolicy);
        return endpoints;
    }
}
