namespace LibrarianExercises.Web.Data;

/// <summary>What a visitor shared about an exercise.</summary>
public class Response
{
    public int Id { get; private set; }

    public int ExerciseId { get; set; }

    public Exercise Exercise { get; private set; } = null!;

    public required string DisplayName { get; set; }

    public string? Organisation { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryCode { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>The text as pages show it, made by the visitors' safe renderer when the response was written.</summary>
    public string? BodyHtml { get; set; }

    /// <summary>
    /// The version of the renderer that made <see cref="BodyHtml"/>: null or another version than the current one means
    /// the HTML is stale and is rendered again.
    /// </summary>
    public int? RenderedWith { get; set; }

    public bool DidExercise { get; set; }

    public ResponseStatus Status { get; set; }

    /// <summary>Why a response was held back, for the moderator; never shown publicly.</summary>
    public string? HoldReason { get; set; }

    /// <summary>Salted hash of the client address; the address itself is never stored.</summary>
    public string? ClientHash { get; set; }

    /// <summary>
    /// The single-use number of the form it was sent with, kept by the first response sent with that form only (a
    /// unique key): a later one is a replay, held and stored without it.
    /// </summary>
    public string? FormNonce { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public enum ResponseStatus
{
    Published = 0,
    Held = 1,
    Spam = 2,
}
