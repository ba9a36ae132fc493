using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LibrarianExercises.Web.Api;

/// <summary>How the API answers: a resource as JSON with its ETag, or problem details.</summary>
internal static class ApiResults
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    /// <summary>
    /// 200 with the resource, or 304 when the client already holds it (If-None-Match). The ETag is a hash of the body,
    /// so it changes exactly when the JSON does, and a response depends on nothing but the address: an output cache
    /// policy can be put in front of it without changing it.
    /// </summary>
    public static IResult Resource<T>(T value) => new ResourceResult<T>(value);

    public static IResult Problem(ApiProblem problem) => new ProblemResult(problem);

    /// <summary>Writes problem details, or only their headers to a HEAD request.</summary>
    public static Task WriteProblemAsync(HttpContext context, ApiProblem problem)
    {
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.Headers.CacheControl = "no-store";
        // Public data: a script on another site may read why its request failed, whether or not an endpoint matched.
        if (context.Request.Headers.Origin.Count > 0 && response.Headers.AccessControlAllowOrigin.Count == 0)
        {
            response.Headers.AccessControlAllowOrigin = "*";
        }

        return WriteAsync(context, JsonSerializer.SerializeToUtf8Bytes(problem, SerializerOptions(context)), ProblemContentType);
    }

    private static JsonSerializerOptions SerializerOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static Task WriteAsync(HttpContext context, byte[] body, string contentType)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>A strong validator: the first 128 bits of the body's SHA-256, in base64url.</summary>
    private static EntityTagHeaderValue EntityTagOf(byte[] body) =>
        new("\"" + Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 16)) + "\"");

    /// <summary>If-None-Match compares weakly (RFC 9110, 13.1.2), and "*" matches any current representation.</summary>
    private static bool ClientHolds(HttpRequest request, EntityTagHeaderValue current) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var held)
        && held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));

    private sealed class ResourceResult<T>(T value) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions(context));
            var etag = EntityTagOf(body);
            var response = context.Response;
            response.Headers.ETag = etag.ToString();
            // Kept, but checked with the server each time: an editor's change shows at once, and costs a 304 otherwise.
            response.Headers.CacheControl = "public, no-cache";
            if (ClientHolds(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            response.StatusCode = StatusCodes.Status200OK;
            return WriteAsync(context, body, JsonContentType);
        }
    }

    private sealed class ProblemResult(ApiProblem problem) : IResult
    {
        public Task ExecuteAsync(HttpContext context) => WriteProblemAsync(context, problem);
    }
}
