using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Responses;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task FiftyResponsesPostedAtOnceAreAllStored()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile().WithoutPostingLimit();
        using var visitor = new ResponsePoster(app);
        var hidden = await visitor.OpenFormAsync(89);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var posts = Enumerable.Range(1, 50).Select(async i =>
        {
            using var response = await visitor.SendAsync(89, hidden, ResponsePoster.Fields(name: $"Poster {i}", text: $"Response number {i}"));
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.SeeOther, s));
        var names = await app.WithDbAsync(db => db.Responses.Select(r => r.DisplayName).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"Poster {i}").Order(), names.Order());
        if (!TestDatabase.IsPostgreSql)
        {
            Assert.Equal("wal", await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).ContinueWith(t => t.Result.Single(), TaskScheduler.Default));
        }
    }
}
