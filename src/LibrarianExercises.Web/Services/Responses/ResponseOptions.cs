using System.ComponentModel.DataAnnotations;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>
/// The rules for visitors' responses, from the "Responses" configuration section. Checked at start: a value that
/// would hold or refuse every response stops the app with a message naming the setting.
/// </summary>
public sealed class ResponseOptions : IValidatableObject
{
    public const string SectionName = "Responses";

    /// <summary>A form sent back sooner than this was hardly read by a person.</summary>
    public TimeSpan MinimumFormAge { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this is held for review rather than refused.</summary>
    public TimeSpan MaximumFormAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>More links than this and a response waits for a moderator.</summary>
    [Range(0, 1000, ErrorMessage = "Responses:MaximumLinks must be between {1} and {2}.")]
    public int MaximumLinks { get; set; } = 3;

    /// <summary>Published responses shown per page of an exercise.</summary>
    [Range(1, 500, ErrorMessage = "Responses:PageSize must be between {1} and {2}.")]
    public int PageSize { get; set; } = 50;

    /// <summary>Posts allowed per client and exercise within <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Responses:RateLimitPermits must be between {1} and {2}.")]
    public int RateLimitPermits { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Responses:RateLimitWindow must be between {1} and {2}.")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Posts allowed per client across all exercises within <see cref="ClientRateLimitWindow"/>.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Responses:ClientRateLimitPermits must be between {1} and {2}.")]
    public int ClientRateLimitPermits { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Responses:ClientRateLimitWindow must be between {1} and {2}.")]
    public TimeSpan ClientRateLimitWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Held responses a client may have waiting from the last day; beyond it, new ones are refused with the text given back.</summary>
    [Range(1, 100_000, ErrorMessage = "Responses:HeldPerClientPerDay must be between {1} and {2}.")]
    public int HeldPerClientPerDay { get; set; } = 10;

    /// <summary>Spam older than this is deleted by the background purge.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Responses:SpamRetention must be between {1} and {2}.")]
    public TimeSpan SpamRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Responses:SpamPurgeInterval must be between {1} and {2}.")]
    public TimeSpan SpamPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Secret mixed into client address hashes; when unset, one made once and kept in the database.</summary>
    [StringLength(256, MinimumLength = 16, ErrorMessage = "Responses:ClientHashSalt must be between {2} and {1} characters long.")]
    public string? ClientHashSalt { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinimumFormAge < TimeSpan.Zero || MinimumFormAge > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Responses:MinimumFormAge must be between 00:00:00 and 01:00:00.", [nameof(MinimumFormAge)]);
        }

        if (MaximumFormAge <= MinimumFormAge || MaximumFormAge > TimeSpan.FromDays(30))
        {
            yield return new ValidationResult("Responses:MaximumFormAge must be longer than Responses:MinimumFormAge and at most 30 days.", [nameof(MaximumFormAge)]);
        }
    }
}
