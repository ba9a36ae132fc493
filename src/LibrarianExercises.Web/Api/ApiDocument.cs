using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: every <c>/api</c> endpoint with its parameters, responses and
/// errors. The endpoints give the shapes (their metadata and the contract records); this adds what the code cannot
/// say by itself: the parameters' rules, the ETag and CORS headers, and the words.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = ApiEndpoints.DocumentPrefix + "/" + Name + ".json";

    private const string Description = """
        Read-only JSON for the 10-Minute International Librarian exercises: published exercises, their published
        responses, the tags in use and the IFLA Strategy they serve. It is public data: no sign-in, and CORS lets a
        page on any site read it (GET and HEAD, without credentials).

        - Every endpoint answers GET and HEAD (the same headers, no body).
        - JSON is camelCase; times are ISO 8601 in UTC (`2026-12-01T08:59:00Z`), dates `2019-05-06`; a value that is
          not known is `null`, never left out. Addresses in the JSON are relative to this site.
        - Every 200 carries an `ETag`; send it back in `If-None-Match` and an unchanged resource is a 304 with no body.
        - Errors are RFC 9457 problem details (`application/problem+json`), never an HTML page or a redirect: a
          malformed number, page, tag or initiative code is a 400 whose `parameter` names it and whose `detail` says
          what is wrong; one that names nothing is a 404. An unknown address under /api is a 404 and a method other
          than GET or HEAD a 405, both as problem details.
        - Only published content: retired exercises, exercises known only in part and held or spam responses never appear.
        """;

    private static readonly Dictionary<string, (string Description, Func<OpenApiSchema> Schema)> Parameters = new(StringComparer.Ordinal)
    {
        ["number"] = (
            "The exercise's published number: digits only, 1 to 99999 (\"89\"; not \"+89\" or \"٨٩\").",
            () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "99999", Examples = [JsonValue.Create(89)] }),
        ["page"] = (
            "The page to give, from 1; absent means the first. A page past the last is a 404.",
            () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "999999", Default = JsonValue.Create(1) }),
        ["tag"] = (
            "Keep the exercises carrying this tag, by its slug as /api/tags gives it (letter case is ignored).",
            () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100, Examples = [JsonValue.Create("community-engagement")] }),
        ["initiative"] = (
            "Keep the exercises serving this key initiative of the IFLA Strategy, by its code.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^[0-9]{1,2}\.[0-9]{1,2}$", Examples = [JsonValue.Create("3.2")] }),
    };

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // The site's pages and the reference page, a page for people, are not part of the API.
        options.ShouldInclude = description =>
            description.RelativePath is { } path
            && path.StartsWith(ApiEndpoints.Prefix.TrimStart('/') + "/", StringComparison.Ordinal)
            && !ApiReference.IsReferencePath("/" + path);
        options.AddDocumentTransformer(DescribeDocument);
        options.AddOperationTransformer(DescribeOperation);
        options.AddSchemaTransformer(DescribeSchema);
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "10-Minute International Librarian API",
            Version = "1",
            Description = Description,
        };
        // Relative: the document describes the site that serves it, whatever its address.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The site serving this document" }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = ApiEndpoints.ExercisesTag, Description = "Published exercises, one at a time or a page at a time, and their published responses." },
            new() { Name = ApiEndpoints.TagsTag, Description = "The topical tags carried by published exercises." },
            new() { Name = ApiEndpoints.StrategyTag, Description = "The IFLA Strategy edition the exercises cite, and the exercises serving it." },
        };
        return Task.CompletedTask;
    }

    /// <summary>A problem's <c>parameter</c> and <c>value</c> are left out when there is none, never null.</summary>
    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ApiProblem))
        {
            foreach (var optional in schema.Properties?.Values.OfType<OpenApiSchema>().Where(p => p.Type?.HasFlag(JsonSchemaType.Null) == true) ?? [])
            {
                optional.Type = JsonSchemaType.String;
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var isHead = string.Equals(context.Description.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && Parameters.TryGetValue(name, out var rule))
            {
                parameter.Description = rule.Description;
                parameter.Schema = rule.Schema();
            }
        }

        // Public: no operation needs credentials, and the document says so rather than leaving it unsaid.
        operation.Security = [];
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of a copy the client holds: if it is still current, the answer is a 304 with no body.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse described)
            {
                continue;
            }

            described.Description = status switch
            {
                "200" when isHead => "The headers a GET would have, with no body.",
                "200" => "The resource, with its ETag.",
                "304" => "Not Modified: If-None-Match named the current ETag. No body.",
                "400" => "A malformed value: `parameter` names it and `detail` says what is wrong.",
                "404" => "Nothing by that value: `parameter` names the value that named nothing (or the page past the last), and `detail` says so.",
                "500" => "An error on the server's side.",
                _ => described.Description,
            };
            if (status is "200" or "304")
            {
                described.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                described.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "A strong validator of the JSON body, to send back in If-None-Match.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
                described.Headers["Access-Control-Allow-Origin"] = new OpenApiHeader
                {
                    Description = "`*` when the request came with an Origin: any site may read the API, without credentials.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            if (isHead)
            {
                described.Content = null;
            }
        }

        if (isHead)
        {
            operation.OperationId = "head" + char.ToUpperInvariant(operation.OperationId![0]) + operation.OperationId[1..];
            operation.Summary += " (headers only)";
            operation.Description = "The same as GET, without the body.";
        }

        return Task.CompletedTask;
    }
}
