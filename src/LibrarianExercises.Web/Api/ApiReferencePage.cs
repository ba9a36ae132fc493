using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Microsoft.AspNetCore.Html;
using Microsoft.OpenApi;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// What the API reference page shows, read from the OpenAPI document the site serves at <c>/openapi/v1.json</c>, so
/// that the page cannot say anything the document does not: every operation, grouped by the document's tags, with its
/// parameters, responses and an example request; every schema with its fields; every response header.
/// </summary>
/// <param name="Title">The document's title.</param>
/// <param name="Version">The API's version, as the document gives it.</param>
/// <param name="Description">The document's description, rendered from its Markdown.</param>
/// <param name="ServerPath">The path the document's addresses are relative to ("/": this site).</param>
public sealed partial record ApiReferencePage(
    string Title,
    string Version,
    IHtmlContent? Description,
    string ServerPath,
    IReadOnlyList<ApiReferenceGroup> Groups,
    IReadOnlyList<ApiReferenceSchema> Schemas,
    IReadOnlyList<ApiReferenceHeader> Headers)
{
    public static ApiReferencePage From(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var serverPath = document.Servers?.FirstOrDefault()?.Url is { Length: > 0 } server && server.StartsWith('/') ? server : "/";
        var operations = new List<ApiReferenceOperation>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, described) in item.Operations ?? [])
            {
                var operation = Operation(path, item, method, described);
                // Parameters the same as an operation's before it on the path (HEAD's as GET's) are referred to, not repeated.
                var same = operations.FirstOrDefault(o => o.Path == path && o.Parameters.Count > 0 && Signature(o.Parameters) == Signature(operation.Parameters));
                // Answers the same as an earlier operation's apart from having no body (HEAD's as GET's) are referred to as well.
                var sameAnswers = operation.Responses.All(r => r.Bodies.Count == 0)
                    ? operations.FirstOrDefault(o => o.Path == path && AnswersSignature(o.Responses) == AnswersSignature(operation.Responses))
                    : null;
                operations.Add(operation with { SameParametersAs = same, SameAnswersAs = sameAnswers });
            }
        }

        // In the document's order of tags; an operation under its first tag, one without any at the end.
        var groups = new List<ApiReferenceGroup>();
        var named = (document.Tags ?? new HashSet<OpenApiTag>()).Where(t => t.Name is not null).ToList();
        foreach (var tag in named)
        {
            var members = operations.Where(o => o.Tag == tag.Name).ToList();
            if (members.Count > 0)
            {
                groups.Add(new ApiReferenceGroup("tag-" + Slug(tag.Name!), tag.Name, Markdown(tag.Description), members));
            }
        }

        var others = operations.Where(o => !named.Any(t => t.Name == o.Tag)).ToList();
        if (others.Count > 0)
        {
            groups.Add(new ApiReferenceGroup("other-operations", null, null, others));
        }

        var schemas = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .Select(s => new ApiReferenceSchema(SchemaAnchor(s.Key), s.Key, Markdown(s.Value.Description), TypeOf(s.Value), Fields(s.Value, "")))
            .ToList();

        var headers = operations
            .SelectMany(o => o.Responses)
            .SelectMany(r => r.Headers)
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ApiReferenceHeader(HeaderAnchor(g.Key), g.Key, [.. g.Select(h => h.Description).OfType<string>().Distinct(StringComparer.Ordinal).Select(d => Markdown(d)!)]))
            .ToList();

        return new ApiReferencePage(
            document.Info?.Title ?? "",
            document.Info?.Version ?? "",
            Markdown(document.Info?.Description),
            serverPath,
            groups,
            schemas,
            headers);
    }

    private static string Signature(IEnumerable<ApiReferenceParameter> parameters) => string.Join("\n", parameters.Select(p =>
        string.Join("|", p.Name, p.In, string.Concat(p.Type.Select(t => t.Text)), string.Join(",", p.Rules), p.Required, p.Description?.ToString())));

    private static string AnswersSignature(IEnumerable<ApiReferenceResponse> responses) =>
        string.Join("\n", responses.Select(r => r.Status + "|" + string.Join(",", r.Headers.Select(h => h.Name))));

    public static string SchemaAnchor(string name) => "schema-" + Slug(name);

    public static string HeaderAnchor(string name) => "header-" + Slug(name);

    private static ApiReferenceOperation Operation(string path, IOpenApiPathItem item, HttpMethod method, OpenApiOperation operation)
    {
        // Parameters given for the whole path apply to each of its operations, unless the operation gives its own.
        var own = (operation.Parameters ?? []).ToList();
        var taken = (item.Parameters ?? [])
            .Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In))
            .Concat(own)
            .ToList();
        var parameters = taken
            .Select(p => new ApiReferenceParameter(
                p.Name ?? "",
                p.In is { } where ? where.ToString().ToLowerInvariant() : "",
                TypeOf(p.Schema),
                Rules(p.Schema),
                p.Required || p.In == ParameterLocation.Path,
                Markdown(p.Description, inline: true)))
            .ToList();
        var responses = (operation.Responses ?? [])
            .OrderBy(r => int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : int.MaxValue)
            .Select(r => new ApiReferenceResponse(
                r.Key,
                Markdown(r.Value.Description, inline: true),
                [.. (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => new ApiReferenceBody(c.Key, TypeOf(c.Value.Schema)))],
                [.. (r.Value.Headers ?? new Dictionary<string, IOpenApiHeader>()).Select(h => new ApiReferenceResponseHeader(h.Key, h.Value.Description))]))
            .ToList();
        var name = method.Method.ToUpperInvariant();
        return new ApiReferenceOperation(
            operation.OperationId is { Length: > 0 } id ? Slug(id, keepCase: true) : Slug(name + path),
            name,
            path,
            operation.Tags?.FirstOrDefault()?.Name,
            operation.Summary,
            Markdown(operation.Description),
            operation.Deprecated,
            parameters,
            responses,
            ExamplePath(path, taken));
    }

    /// <summary>
    /// The operation's address with its path parameters and required query parameters filled with their examples (or
    /// defaults), or null when one of them has none to give.
    /// </summary>
    private static string? ExamplePath(string template, IEnumerable<IOpenApiParameter> parameters)
    {
        var path = template;
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var required = parameter.Required || parameter.In == ParameterLocation.Path;
            if (!required || parameter.Name is null)
            {
                continue;
            }

            if (ExampleOf(parameter) is not { } value)
            {
                return null;
            }

            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                    break;
                case ParameterLocation.Query:
                    query.Add(Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(value));
                    break;
                default:
                    // A required header or cookie cannot be written into an address.
                    return null;
            }
        }

        return path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    private static string? ExampleOf(IOpenApiParameter parameter)
    {
        var node = parameter.Example
            ?? parameter.Schema?.Examples?.FirstOrDefault()
            ?? parameter.Schema?.Default;
        return node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
    }

    /// <summary>
    /// A schema's type in JSON Schema's words: <c>string | null</c>, <c>ExerciseListItem[]</c>, the named schemas as
    /// links to their part of the page.
    /// </summary>
    internal static IReadOnlyList<ApiReferenceTypePart> TypeOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return [];
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            return [new ApiReferenceTypePart(id, SchemaAnchor(id))];
        }

        var alternatives = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        if (alternatives is not null)
        {
            return Joined(alternatives.Select(TypeOf), " | ");
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return Joined(allOf.Select(TypeOf), " & ");
        }

        var types = new List<IReadOnlyList<ApiReferenceTypePart>>();
        foreach (var (flag, name) in TypeNames)
        {
            if (schema.Type is { } type && type.HasFlag(flag))
            {
                types.Add(flag == JsonSchemaType.Array && schema.Items is { } items
                    ? [.. TypeOf(items), new ApiReferenceTypePart("[]", null)]
                    : [new ApiReferenceTypePart(name, null)]);
            }
        }

        if (types.Count == 0 && schema.Properties is { Count: > 0 })
        {
            types.Add([new ApiReferenceTypePart("object", null)]);
        }

        return types.Count > 0 ? Joined(types, " | ") : [new ApiReferenceTypePart("{}", null)];
    }

    // Null last: "string | null".
    private static readonly (JsonSchemaType Flag, string Name)[] TypeNames =
    [
        (JsonSchemaType.Object, "object"),
        (JsonSchemaType.Array, "array"),
        (JsonSchemaType.String, "string"),
        (JsonSchemaType.Integer, "integer"),
        (JsonSchemaType.Number, "number"),
        (JsonSchemaType.Boolean, "boolean"),
        (JsonSchemaType.Null, "null"),
    ];

    private static List<ApiReferenceTypePart> Joined(IEnumerable<IReadOnlyList<ApiReferenceTypePart>> types, string separator)
    {
        var parts = new List<ApiReferenceTypePart>();
        foreach (var type in types)
        {
            if (parts.Count > 0)
            {
                parts.Add(new ApiReferenceTypePart(separator, null));
            }

            parts.AddRange(type);
        }

        return parts;
    }

    /// <summary>What a value must be beyond its type, in JSON Schema's keywords: <c>minimum: 1</c>, <c>format: date</c>.</summary>
    internal static IReadOnlyList<string> Rules(IOpenApiSchema? schema)
    {
        if (schema is null or OpenApiSchemaReference)
        {
            return [];
        }

        var rules = new List<string>();
        void Add(string keyword, object? value)
        {
            if (value is not null)
            {
                rules.Add(keyword + ": " + Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        Add("format", schema.Format);
        Add("minimum", schema.Minimum);
        Add("exclusiveMinimum", schema.ExclusiveMinimum);
        Add("maximum", schema.Maximum);
        Add("exclusiveMaximum", schema.ExclusiveMaximum);
        Add("minLength", schema.MinLength);
        Add("maxLength", schema.MaxLength);
        Add("pattern", schema.Pattern);
        Add("minItems", schema.MinItems);
        Add("maxItems", schema.MaxItems);
        Add("enum", schema.Enum is { Count: > 0 } values ? string.Join(", ", values.Select(Json)) : null);
        Add("default", schema.Default is { } fallback ? Json(fallback) : null);
        Add("examples", schema.Examples is { Count: > 0 } examples ? string.Join(", ", examples.Select(Json)) : null);
        return rules;
    }

    private static readonly JsonSerializerOptions JsonText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(JsonNode? node) => node?.ToJsonString(JsonText) ?? "null";

    /// <summary>An object schema's fields, those of an inline object or of an array of them as <c>name.field</c>, <c>name[].field</c>.</summary>
    private static List<ApiReferenceField> Fields(IOpenApiSchema schema, string prefix)
    {
        var fields = new List<ApiReferenceField>();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var description = property.Description
                ?? (property.OneOf ?? property.AnyOf ?? []).Select(s => s.Description).FirstOrDefault(d => d is not null);
            fields.Add(new ApiReferenceField(
                prefix + name,
                TypeOf(property),
                Rules(property),
                schema.Required?.Contains(name) == true,
                Markdown(description, inline: true)));
            // A named schema has its own part of the page; an inline object's fields are listed here.
            if (property is OpenApiSchemaReference)
            {
                continue;
            }

            if (property.Properties is { Count: > 0 })
            {
                fields.AddRange(Fields(property, prefix + name + "."));
            }
            else if (property.Items is { Properties.Count: > 0 } items && items is not OpenApiSchemaReference)
            {
                fields.AddRange(Fields(items, prefix + name + "[]."));
            }
        }

        return fields;
    }

    /// <summary>An anchor made of a name: letters, digits and hyphens.</summary>
    private static string Slug(string name, bool keepCase = false)
    {
        var slug = NotAnchor().Replace(keepCase ? name : name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 ? slug : "x";
    }

    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex NotAnchor();

    // The document's words are the site's own, written in Markdown as OpenAPI allows; raw HTML in them stays text.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <param name="inline">For a table cell: a single paragraph without its <c>p</c> element.</param>
    private static HtmlString? Markdown(string? text, bool inline = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var document = Markdig.Markdown.Parse(text, Pipeline);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = inline && document.Count == 1 };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString().Trim());
    }
}

/// <summary>The operations under one of the document's tags (<see cref="Name"/> null: those under none).</summary>
public sealed record ApiReferenceGroup(string Anchor, string? Name, IHtmlContent? Description, IReadOnlyList<ApiReferenceOperation> Operations);

/// <param name="Anchor">The operation's id in the document, as the anchor of its part of the page.</param>
/// <param name="ExamplePath">An address to try, or null when the operation needs a value the document gives no example of.</param>
/// <param name="SameParametersAs">An operation before it on the same path that takes the same parameters, if any.</param>
/// <param name="SameAnswersAs">An operation before it on the same path whose answers it gives without their bodies, if any.</param>
public sealed record ApiReferenceOperation(
    string Anchor,
    string Method,
    string Path,
    string? Tag,
    string? Summary,
    IHtmlContent? Description,
    bool Deprecated,
    IReadOnlyList<ApiReferenceParameter> Parameters,
    IReadOnlyList<ApiReferenceResponse> Responses,
    string? ExamplePath,
    ApiReferenceOperation? SameParametersAs = null,
    ApiReferenceOperation? SameAnswersAs = null)
{
    public string ParametersAnchor => Anchor + "-parameters";

    public string AnswersAnchor => Anchor + "-answers";
}

/// <param name="In">Where it is sent: <c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
public sealed record ApiReferenceParameter(
    string Name,
    string In,
    IReadOnlyList<ApiReferenceTypePart> Type,
    IReadOnlyList<string> Rules,
    bool Required,
    IHtmlContent? Description);

public sealed record ApiReferenceResponse(
    string Status,
    IHtmlContent? Description,
    IReadOnlyList<ApiReferenceBody> Bodies,
    IReadOnlyList<ApiReferenceResponseHeader> Headers);

public sealed record ApiReferenceBody(string MediaType, IReadOnlyList<ApiReferenceTypePart> Type);

public sealed record ApiReferenceResponseHeader(string Name, string? Description)
{
    public string Anchor => ApiReferencePage.HeaderAnchor(Name);
}

/// <summary>A response header as the document describes it, with every description it is given.</summary>
public sealed record ApiReferenceHeader(string Anchor, string Name, IReadOnlyList<IHtmlContent> Descriptions);

public sealed record ApiReferenceSchema(
    string Anchor,
    string Name,
    IHtmlContent? Description,
    IReadOnlyList<ApiReferenceTypePart> Type,
    IReadOnlyList<ApiReferenceField> Fields);

public sealed record ApiReferenceField(
    string Name,
    IReadOnlyList<ApiReferenceTypePart> Type,
    IReadOnlyList<string> Rules,
    bool Required,
    IHtmlContent? Description);

/// <summary>A piece of a type's name; <see cref="Anchor"/> names the schema it links to, if it is one.</summary>
public sealed record ApiReferenceTypePart(string Text, string? Anchor);
