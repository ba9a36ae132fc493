namespace LibrarianExercises.Web.Models;

/// <summary>A published response as the exercise page shows it; the text is already made safe.</summary>
public sealed record ResponseView(
    int Id,
    string DisplayName,
    string? Organisation,
    string? CountryName,
    DateTime CreatedUtc,
    bool DidExercise,
    string BodyHtml)
{
    /// <summary>The ISO 3166-1 alpha-2 code of <see cref="CountryName"/>, for machine readers.</summary>
    public string? CountryCode { get; init; }
}
