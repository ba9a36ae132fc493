using System.ComponentModel;
using System.Text.Json.Serialization;

namespace LibrarianExercises.Web.Api;

// The JSON API's contract: records of its own, so that a change to a page's view model cannot change what API clients
// read. Property names are written in camelCase, times in ISO 8601 UTC ("2026-12-01T08:59:00Z"), dates as
// "2019-05-06"; absent values are null rather than left out, so every object has the same members. Addresses are
// relative to this site.

/// <summary>Where a paged list runs.</summary>
public sealed record PageLinks(
    [property: Description("This page.")] string Self,
    [property: Description("The first page.")] string First,
    [property: Description("The last page (the first, when the list is empty).")] string Last,
    [property: Description("The page before this one, or null on the first.")] string? Previous,
    [property: Description("The page after this one, or null on the last.")] string? Next);

/// <summary>A resource's addresses: in this API, and the page people read.</summary>
public sealed record ResourceLinks(
    [property: Description("The resource in this API.")] string Self,
    [property: Description("The page on this site that shows it.")] string Html);

[Description("A page of published exercises.")]
public sealed record ExerciseListPage(
    [property: Description("This page's number, from 1.")] int Page,
    [property: Description("The most items a page holds.")] int PageSize,
    [property: Description("How many pages the list runs to; 1 when it is empty.")] int PageCount,
    [property: Description("How many exercises the whole list holds.")] int TotalCount,
    IReadOnlyList<ExerciseListItem> Items,
    PageLinks Links);

[Description("A published exercise as lists show it.")]
public sealed record ExerciseListItem(
    [property: Description("The exercise's published number.")] int Number,
    string Title,
    [property: Description("The first paragraph of the text, as plain text.")] string Summary,
    [property: Description("Its tags, by name.")] IReadOnlyList<TagReference> Tags,
    [property: Description("The codes of the key initiatives it serves, such as \"3.2\".")] IReadOnlyList<string> InitiativeCodes,
    [property: Description("Published responses.")] int ResponseCount,
    [property: Description("Published responses whose author says they did the exercise.")] int DidExerciseCount,
    ResourceLinks Links);

[Description("One published exercise in full.")]
public sealed record ExerciseDetail(
    [property: Description("The exercise's published number.")] int Number,
    string Title,
    [property: Description("The text as written, in Markdown.")] string BodyMarkdown,
    [property: Description("The text as its page shows it: HTML without script, style or event attributes; only http, https and mailto links; mentions of other published exercises linked.")] string BodyHtml,
    [property: Description("The day the post was published on IFLA's blog, when the day is known; otherwise null.")] DateOnly? PublishedOn,
    [property: Description("The month the post was published in, as year-month (\"2021-05\"), when at least the month is known; otherwise null. A listing page by month gives the month without the day.")] string? PublishedMonth,
    [property: Description("The post on IFLA's blog, when known.")] string? SourceUrl,
    [property: Description("Whether the exercise's page takes new responses.")] bool ResponsesOpen,
    [property: Description("When the exercise last changed (UTC).")] DateTime UpdatedUtc,
    IReadOnlyList<TagReference> Tags,
    [property: Description("The key initiatives of the IFLA Strategy it serves, by code.")] IReadOnlyList<LinkedInitiative> Initiatives,
    [property: Description("Published responses.")] int ResponseCount,
    [property: Description("Published responses whose author says they did the exercise.")] int DidExerciseCount,
    ExerciseLinks Links);

public sealed record ExerciseLinks(
    [property: Description("The exercise in this API.")] string Self,
    [property: Description("The exercise's page.")] string Html,
    [property: Description("Its published responses in this API.")] string Responses);

[Description("A tag as an exercise carries it.")]
public sealed record TagReference(
    [property: Description("The tag as written, in any script.")] string Name,
    [property: Description("The lower-case form in addresses: the `tag` filter of /api/exercises.")] string Slug);

[Description("A key initiative an exercise claims to serve, with the label its post printed.")]
public sealed record LinkedInitiative(
    [property: Description("Direction and initiative number, such as \"3.2\".")] string Code,
    [property: Description("The initiative's name in the strategy, or null where no source names it yet.")] string? Name,
    [property: Description("The label exactly as the post printed it.")] string PublishedLabel,
    [property: Description("True while the printed label names another initiative than the code's and no editor has confirmed the mapping.")] bool LabelDisagrees);

[Description("A page of an exercise's published responses, oldest first.")]
public sealed record ResponseListPage(
    [property: Description("This page's number, from 1.")] int Page,
    [property: Description("The most items a page holds.")] int PageSize,
    [property: Description("How many pages the list runs to; 1 when it is empty.")] int PageCount,
    [property: Description("How many published responses the exercise has.")] int TotalCount,
    IReadOnlyList<PublishedResponse> Items,
    PageLinks Links);

[Description("A visitor's response, as published. Only published responses are ever given: held and spam ones never.")]
public sealed record PublishedResponse(
    [property: Description("The response's number, stable across pages.")] int Id,
    [property: Description("The name the visitor gave.")] string DisplayName,
    [property: Description("The library or organisation the visitor gave, if any.")] string? Organisation,
    [property: Description("The country the visitor chose, if any.")] Country? Country,
    [property: Description("When the response was sent (UTC).")] DateTime CreatedUtc,
    [property: Description("Whether the visitor says they did the exercise.")] bool DidExercise,
    [property: Description("The text made safe: HTML without script, style or event attributes; only http, https and mailto links, each rel=\"nofollow ugc noopener\". The visitor's Markdown itself is not given out.")] string BodyHtml);

public sealed record Country(
    [property: Description("ISO 3166-1 alpha-2 code, such as \"FR\".")] string Code,
    [property: Description("The country's name in English.")] string Name);

[Description("Every tag in use on a published exercise.")]
public sealed record TagList(
    [property: Description("By name, ignoring letter case.")] IReadOnlyList<TagListItem> Items);

public sealed record TagListItem(
    [property: Description("The tag as written, in any script.")] string Name,
    [property: Description("The lower-case form in addresses.")] string Slug,
    [property: Description("Published exercises carrying it.")] int ExerciseCount,
    TagLinks Links);

public sealed record TagLinks(
    [property: Description("Its exercises in this API.")] string Exercises,
    [property: Description("Its archive page.")] string Html);

[Description("The IFLA Strategy edition the exercises cite, with the exercises serving each key initiative.")]
public sealed record StrategyEdition(
    [property: Description("The edition's key, such as \"2019-2024\".")] string Key,
    string Title,
    string? Summary,
    [property: Description("Where the edition's text comes from.")] string? Source,
    [property: Description("Its strategic directions in order.")] IReadOnlyList<StrategyDirectionItem> Directions,
    [property: Description("Published exercises serving none of its initiatives, by number.")] IReadOnlyList<ExerciseReference> ExercisesServingNone,
    ResourceLinks Links);

public sealed record StrategyDirectionItem(
    int Number,
    string Name,
    [property: Description("Its key initiatives in order.")] IReadOnlyList<StrategyInitiativeItem> Initiatives);

public sealed record StrategyInitiativeItem(
    [property: Description("Direction and initiative number, such as \"3.2\".")] string Code,
    [property: Description("The initiative's name, or null where no source names it yet.")] string? Name,
    [property: Description("Published exercises serving it, by number.")] IReadOnlyList<ExerciseReference> Exercises,
    InitiativeLinks Links);

public sealed record InitiativeLinks(
    [property: Description("Its exercises in this API.")] string Exercises,
    [property: Description("The initiative's page.")] string Html);

[Description("An exercise named by number and title.")]
public sealed record ExerciseReference(int Number, string Title, ResourceLinks Links);

/// <summary>
/// An error, as RFC 9457 problem details (<c>application/problem+json</c>). The type is always <c>about:blank</c>: the
/// status says what kind of problem it is, <see cref="Detail"/> says what was wrong in words, and
/// <see cref="Parameter"/> names the value that was.
/// </summary>
[Description("An error, as RFC 9457 problem details.")]
public sealed record ApiProblem(
    [property: Description("Always \"about:blank\": the status code is the kind of problem.")] string Type,
    [property: Description("The status code's reason phrase, such as \"Not Found\".")] string Title,
    [property: Description("The HTTP status code.")] int Status,
    [property: Description("What was wrong with the request, in a sentence.")] string Detail,
    [property: Description("The address that was asked for.")] string Instance,
    [property: Description("The path or query parameter that was malformed or named nothing, when one was; absent otherwise.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Parameter = null,
    [property: Description("The value that parameter had, as sent (cut at 100 characters); absent otherwise.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Value = null);
