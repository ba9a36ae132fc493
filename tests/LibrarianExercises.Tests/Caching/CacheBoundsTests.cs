using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Tests.Caching;

/// <summary>What the caches may keep: bounded, whatever the traffic was.</summary>
public sealed class CacheBoundsTests
{
    [Fact]
    public async Task TheCachedPagesTakeAtMostThePageCachesLimit()
    {
        await using var app = new LibrarianAppFactory();

        Assert.Equal(PageCache.SizeLimit, app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
    }
}
