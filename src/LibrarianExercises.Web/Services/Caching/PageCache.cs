using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>
/// The tags public pages are cached under, and their eviction. The stores call it after every change that shows
/// on a page, so a cached page is never older than the data: a response touches its exercise's page and the
/// lists that show response counts; an exercise, its tags or its mapping touch every page that may list or link it.
/// </summary>
public sealed class PageCache(IOutputCacheStore store)
{
    /// <summary>Every cached public page.</summary>
    public const string AllPages = "pages";

    /// <summary>The lists of exercises with their response counts: the exercise list, the home page, the tag pages.</summary>
    public const string Lists = "lists";

    /// <summary>
    /// The strategy's pages: they show exercises and their mapping but nothing of their responses, so a response
    /// leaves them cached (on a large collection they are the dearest pages to build).
    /// </summary>
    public const string StrategyPages = "strategy-pages";

    /// <summary>Every exercise page: they link their neighbours and the exercises they mention.</summary>
    public const string ExercisePages = "exercise-pages";

    /// <summary>
    /// The most the cached pages may take, in bytes. A page is 10 to 30 KB, so this holds a thousand pages or more
    /// (the visited ones, in every language); the cache's default (100 MB) would let a crawler going through ten
    /// thousand exercises in seven languages take a third of the memory the whole app is meant to need.
    /// </summary>
    public const long SizeLimit = 32L * 1024 * 1024;

    public static string Exercise(int number) => "exercise:" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>After a response to the exercise is added, approved, marked as spam, deleted or restored.</summary>
    public async Task ResponsesChangedAsync(IEnumerable<int> exerciseNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exerciseNumbers);
        foreach (var number in exerciseNumbers.Distinct())
        {
            await store.EvictByTagAsync(Exercise(number), cancellationToken);
        }

        await store.EvictByTagAsync(Lists, cancellationToken);
    }

    /// <summary>After exercises, tags, initiatives or their links change: rare, editors' work, so every page goes.</summary>
    public async Task CollectionChangedAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(AllPages, cancellationToken);
}
