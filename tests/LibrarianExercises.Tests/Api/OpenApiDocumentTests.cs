using System.Net;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, held against the endpoints the app really maps, so that an /api route
/// cannot be added without being described, and against Redocly's linter.
/// </summary>
public sealed class OpenApiDocumentTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    private static readonly string[] OperationMethods = ["get", "head", "put", "post", "delete", "options", "patch", "trace"];

    [Fact]
    public async Task TheDocumentDescribesEveryApiEndpointAndNothingElse()
    {
        var document = await DocumentAsync();

        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => OperationMethods.Contains(o.Name))
                .Select(o => $"{o.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var mapped = MappedApiEndpoints()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, described);
    }

    [Fact]
    public void EveryApiEndpointAnswersGetAndHeadOnly()
    {
        var endpoints = MappedApiEndpoints();

        Assert.Equal(5, endpoints.Count);
        Assert.All(endpoints, e => Assert.Equal(["GET", "HEAD"], e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods));
    }

    [Fact]
    public async Task EveryOperationParameterAndResponseIsDescribed()
    {
        var document = await DocumentAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => OperationMethods.Contains(o.Name)).Select(o => (Name: $"{o.Name} {path.Name}", Method: o.Name, Operation: o.Value)))
            .ToList();

        Assert.Equal(10, operations.Count);
        foreach (var (name, method, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), name);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), name);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), name);
            foreach (var parameter in operation.GetProperty("parameters").EnumerateArray())
            {
                var what = $"{name}: parameter {parameter.GetProperty("name").GetString()}";
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), what);
                Assert.True(parameter.GetProperty("schema").TryGetProperty("type", out _), what);
            }

            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            Assert.Contains("200", responses.Keys);
            Assert.Contains("304", responses.Keys);
            Assert.Contains("500", responses.Keys);
            Assert.True(responses["200"].GetProperty("headers").TryGetProperty("ETag", out _), name);
            foreach (var (status, response) in responses)
            {
                Assert.False(string.IsNullOrWhiteSpace(response.GetProperty("description").GetString()), $"{name} {status}");
                if (method == "get" && status[0] is '4' or '5')
                {
                    var schema = response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                    Assert.Equal("#/components/schemas/ApiProblem", schema.GetProperty("$ref").GetString());
                }
            }
        }
    }

    [Fact]
    public async Task ParametersAreDescribedByTheRulesTheApiReadsThemWith()
    {
        var document = await DocumentAsync();

        var list = document.GetProperty("paths").GetProperty("/api/exercises").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["page", "tag", "initiative", "If-None-Match"], list.Keys);
        Assert.Equal("integer", list["page"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("1", list["page"].GetProperty("schema").GetProperty("minimum").ToString());
        Assert.Equal("query", list["page"].GetProperty("in").GetString());
        Assert.Equal("header", list["If-None-Match"].GetProperty("in").GetString());
        var number = document.GetProperty("paths").GetProperty("/api/exercises/{number}").GetProperty("get").GetProperty("parameters")[0];
        Assert.Equal("number", number.GetProperty("name").GetString());
        Assert.True(number.GetProperty("required").GetBoolean());
        Assert.Equal("99999", number.GetProperty("schema").GetProperty("maximum").ToString());
        // An example a reader can try: the exercise the starting content and the README use.
        Assert.Equal(89, number.GetProperty("schema").GetProperty("examples")[0].GetInt32());
    }

    [OpenApiLinterFact]
    public async Task TheDocumentPassesTheOpenApiLinter()
    {
        var file = Path.Combine(Path.GetTempPath(), $"librarian-openapi-{Guid.NewGuid():N}.json");
        try
        {
            using var client = app.CreateBrowserlessClient();
            await File.WriteAllTextAsync(file, await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

            var (exitCode, output) = await OpenApiLinter.LintAsync(file);

            Assert.True(exitCode == 0, "redocly lint found problems:\n" + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnyOriginMayReadTheDocument()
    {
        var answer = await ApiAnswer.GetAsync(app, "/openapi/v1.json", r => r.Headers.Add("Origin", "https://library.example"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["*"], answer.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var answer = await ApiAnswer.GetAsync(app, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json;
    }

    /// <summary>Every endpoint under /api but the reference page, which is HTML for people.</summary>
    private List<RouteEndpoint> MappedApiEndpoints() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/') is { } pattern
                && (pattern == "api" || pattern.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
                && !ApiReference.IsReferencePath("/" + pattern)),
    ];
}
