using System.ComponentModel.DataAnnotations;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>The rules for visitors' responses, from the "Responses" configuration section.</summary>
public sealed class ResponseOptions
{
    public const string SectionName = "Responses";

    /// <summary>A form sent back sooner than this was hardly read by a person.</summary>
    public TimeSpan MinimumFormAge { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this is held for review rather than refused.</summary>
    public TimeSpan MaximumFormAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>More links than this and a response waits for a moderator.</summary>
    [Range(0, 1000)]
    public int MaximumLinks { get; set; } = 3;

    /// <summary>Published responses shown per page of an exercise.</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>Posts allowed per client and exercise within <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Secret mixed into client address hashes; when unset, a random one per process start.</summary>
    public string? ClientHashSalt { get; set; }
}
