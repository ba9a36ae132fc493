using System.ComponentModel.DataAnnotations;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>The "PageCache" configuration section, checked at start.</summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "PageCache";

    public static readonly TimeSpan DefaultChangeWatchInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the site reads the other processes' change stamps (<see cref="ForeignChangeWatch"/>): the longest a
    /// cached page shows data that another process has changed. Zero turns the watch off, for a site that is the only
    /// writer of its database; its pages then learn of others' changes only when they expire (ten minutes).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "PageCache:ChangeWatchInterval must be between {1} and {2}.")]
    public TimeSpan ChangeWatchInterval { get; set; } = DefaultChangeWatchInterval;
}
