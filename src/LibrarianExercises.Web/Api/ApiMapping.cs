using System.Globalization;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Exercises;

namespace LibrarianExercises.Web.Api;

/// <summary>From what the query services return to the API's contract records, and the addresses they carry.</summary>
internal static class ApiMapping
{
    public static string ExerciseResource(int number) => ApiEndpoints.Prefix + "/exercises/" + Text(number);

    /// <summary>An exercise's page, where mentions in exercise text link to, as on the site.</summary>
    public static string ExercisePage(int number) => "/exercises/" + Text(number);

    public static ExerciseListItem ToListItem(ExerciseSummary exercise) => new(
        exercise.Number,
        exercise.Title,
        exercise.FirstParagraph,
        [.. exercise.Tags.Select(ToReference)],
        [.. exercise.Initiatives.Select(i => i.Code)],
        exercise.ResponseCount,
        exercise.DidExerciseCount,
        new ResourceLinks(ExerciseResource(exercise.Number), ExercisePage(exercise.Number)));

    public static ExerciseDetail ToDetail(ExerciseDocument exercise) => new(
        exercise.Number,
        exercise.Title,
        exercise.BodyMarkdown,
        exercise.BodyHtml,
        exercise.PublishedOnPrecision == DatePrecision.Day ? exercise.PublishedOn : null,
        exercise.PublishedOn is { } published ? PublicationDate.ForMachines(published, DatePrecision.Month) : null,
        exercise.SourceUrl,
        exercise.ResponsesOpen,
        Utc(exercise.UpdatedUtc),
        [.. exercise.Tags.Select(ToReference)],
        [.. exercise.Initiatives.Select(i => new LinkedInitiative(i.Code, NameOrNull(i.Name), i.PublishedLabel, i.LabelDisagrees))],
        exercise.ResponseCount,
        exercise.DidExerciseCount,
        new ExerciseLinks(ExerciseResource(exercise.Number), ExercisePage(exercise.Number), ExerciseResource(exercise.Number) + "/responses"));

    public static PublishedResponse ToPublishedResponse(ResponseView response) => new(
        response.Id,
        response.DisplayName,
        response.Organisation,
        response is { CountryCode: { } code, CountryName: { } name } ? new Country(code, name) : null,
        Utc(response.CreatedUtc),
        response.DidExercise,
        response.BodyHtml);

    public static TagListItem ToTagListItem(TagCount tag) => new(
        tag.Name,
        tag.Slug,
        tag.ExerciseCount,
        new TagLinks(ApiEndpoints.Prefix + "/exercises?tag=" + Uri.EscapeDataString(tag.Slug), "/tags/" + Uri.EscapeDataString(tag.Slug)));

    public static StrategyEdition ToEdition(StrategyOverviewViewModel overview) => new(
        overview.VersionKey,
        overview.Title,
        overview.Summary,
        overview.Source,
        [
            .. overview.Directions.Select(d => new StrategyDirectionItem(
                d.Number,
                d.Name,
                [
                    .. d.Initiatives.Select(i => new StrategyInitiativeItem(
                        i.Code,
                        NameOrNull(i.Name),
                        [.. i.Exercises.Select(ToReference)],
                        new InitiativeLinks(
                            ApiEndpoints.Prefix + "/exercises?initiative=" + Uri.EscapeDataString(i.Code),
                            "/strategy/" + Uri.EscapeDataString(i.Code)))),
                ])),
        ],
        [.. overview.ServingNone.Select(ToReference)],
        new ResourceLinks(ApiEndpoints.Prefix + "/strategy", "/strategy"));

    /// <param name="filter">The list's other query values, without "?" or "page"; every page keeps them.</param>
    public static PageLinks PageLinksOf(string path, string filter, int page, int pageCount)
    {
        string Href(int number) => string.Create(
            CultureInfo.InvariantCulture,
            $"{path}?{(filter.Length > 0 ? filter + "&" : "")}page={number}");
        return new PageLinks(
            Href(page),
            Href(1),
            Href(pageCount),
            page > 1 ? Href(page - 1) : null,
            page < pageCount ? Href(page + 1) : null);
    }

    private static TagReference ToReference(TagLink tag) => new(tag.Name, tag.Slug);

    private static ExerciseReference ToReference(StrategyExercise exercise) =>
        new(exercise.Number, exercise.Title, new ResourceLinks(ExerciseResource(exercise.Number), ExercisePage(exercise.Number)));

    private static string? NameOrNull(string name) => name.Length > 0 ? name : null;

    /// <summary>Whole seconds, marked UTC, so that the JSON reads "2026-12-01T08:59:00Z".</summary>
    private static DateTime Utc(DateTime value) =>
        DateTime.SpecifyKind(new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
