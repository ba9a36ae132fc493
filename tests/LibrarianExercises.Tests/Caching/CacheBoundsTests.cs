using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Tests.Caching;

/// <summary>What the caches and pools may keep: bounded, whatever the traffic was.</summary>
public sealed class CacheBoundsTests
{
    [Fact]
    public async Task TheCachedPagesTakeAtMostThePageCachesLimit()
    {
        await using var app = new LibrarianAppFactory();

        Assert.Equal(PageCache.SizeLimit, app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
    }

    [Fact]
    public void TheFormTokenBuffersKeepABoundedNumberOfFreeBlocks()
    {
        // More pages in flight at once than the pool keeps blocks for, each holding a block.
        var streams = Enumerable.Range(0, FormTokenHoles.FreeBlocksKept + 8)
            .Select(_ => FormTokenHoles.Buffers.GetStream(nameof(CacheBoundsTests)))
            .ToList();
        foreach (var stream in streams)
        {
            stream.Write(new byte[1000]);
        }

        foreach (var stream in streams)
        {
            stream.Dispose();
        }

        Assert.InRange(FormTokenHoles.Buffers.SmallPoolFreeSize, 0, FormTokenHoles.FreeBlocksKept * FormTokenHoles.BlockSize);
        Assert.InRange(FormTokenHoles.Buffers.Settings.MaximumLargePoolFreeBytes, 1, 16 * 1024 * 1024);
    }
}
