using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Strategy;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>
/// schema.org data about a page, as JSON-LD. It goes in a <c>&lt;script type="application/ld+json"&gt;</c> data
/// block, which browsers never run, so the page's script policy stays <c>script-src 'self'</c>. The encoder escapes
/// &lt;, &gt;, &amp; and quotes, so no text can close the element early.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <param name="initiativeUrl">The absolute address of an initiative's page, by code.</param>
    public static string LearningResource(
        ExercisePageViewModel exercise,
        string url,
        string description,
        string seriesUrl,
        Func<string, string> initiativeUrl)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(initiativeUrl);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "LearningResource",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = exercise.Title,
            ["headline"] = exercise.Title,
            ["position"] = exercise.Number,
            ["identifier"] = exercise.Number.ToString(CultureInfo.InvariantCulture),
            ["description"] = description,
            // Only a date the series is known to have published it on, to its precision ("2021-05" for a month); an
            // exercise without one has none here, rather than the day it was added to this site.
            ["datePublished"] = exercise.PublishedOn is { } published ? PublicationDate.ForMachines(published, exercise.PublishedOnPrecision) : null,
            ["inLanguage"] = "en",
            ["learningResourceType"] = "exercise",
            ["timeRequired"] = "PT10M",
            ["isPartOf"] = new Dictionary<string, object?>
            {
                ["@type"] = "CreativeWorkSeries",
                ["name"] = "The 10-Minute International Librarian",
                ["url"] = seriesUrl,
                ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = "IFLA" },
            },
            ["keywords"] = exercise.Tags.Count == 0 ? null : string.Join(", ", exercise.Tags.Select(t => t.Name)),
            ["educationalAlignment"] = exercise.Initiatives.Count == 0
                ? null
                : exercise.Initiatives.Select(i => new Dictionary<string, object?>
                {
                    ["@type"] = "AlignmentObject",
                    ["alignmentType"] = "educationalSubject",
                    ["educationalFramework"] = "IFLA Strategy " + StrategySeeder.ExerciseSeriesVersionKey,
                    ["targetName"] = i.Name.Length > 0 ? $"Key Initiative {i.Code}: {i.Name}" : $"Key Initiative {i.Code}",
                    ["targetUrl"] = initiativeUrl(i.Code),
                }).ToList(),
        };
        return JsonSerializer.Serialize(data.Where(p => p.Value is not null).ToDictionary(), Options);
    }

    /// <summary>A description cut at a word near <paramref name="length"/> characters, for meta tags.</summary>
    public static string Shorten(string text, int length = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length - 1);
        return (cut > length / 2 ? flat[..cut] : flat[..(length - 1)]).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }
}
