using System.Text.Json;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Strategy;

/// <summary>
/// The one place that writes strategy data. A strategy edition is data, not schema: a later one (such as the
/// IFLA Strategy 2024–2029) is another file of the same shape.
/// </summary>
public sealed class StrategySeeder(LibrarianDbContext db)
{
    /// <summary>The edition every exercise of the series cites.</summary>
    public const string ExerciseSeriesVersionKey = "2019-2024";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Adds the edition described by the JSON file unless an edition with its key is already stored.</summary>
    public async Task<bool> SeedAsync(Stream json, CancellationToken cancellationToken)
    {
        var document = await JsonSerializer.DeserializeAsync<StrategyDocument>(json, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException("The strategy file is empty.");
        if (await db.StrategyVersions.AnyAsync(v => v.Key == document.Key, cancellationToken))
        {
            return false;
        }

        var version = new StrategyVersion
        {
            Key = document.Key,
            Title = document.Title,
            Summary = document.Summary,
            Source = document.Source,
        };
        foreach (var d in document.Directions)
        {
            var direction = new StrategicDirection { Number = d.Number, Name = d.Name };
            foreach (var i in d.Initiatives)
            {
                direction.AddInitiative(new KeyInitiative { Number = i.Number, Code = $"{d.Number}.{i.Number}", Name = i.Name.Trim() });
            }

            version.AddDirection(direction);
        }

        db.StrategyVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private sealed record StrategyDocument(string Key, string Title, string? Summary, string? Source, List<DirectionDocument> Directions);

    private sealed record DirectionDocument(int Number, string Name, List<InitiativeDocument> Initiatives);

    private sealed record InitiativeDocument(int Number, string Name);
}
