using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Responses;

/// <summary>What one client can cost the site: limits across exercises, IPv6 blocks, a cap on held responses, old spam purged.</summary>
public sealed class SpamBudgetTests
{
    [Fact]
    public async Task OneClientSpreadingOverExercisesMeetsALimitAcrossThemAll()
    {
        await using var app = new LibrarianAppFactory();
        app.Settings["Responses:ClientRateLimitPermits"] = "3";
        using var bot = new ResponsePoster(app, clientAddress: "203.0.113.7");
        using var person = new ResponsePoster(app, clientAddress: "203.0.113.8");

        var statuses = new List<HttpStatusCode>();
        foreach (var exercise in new[] { 89, 42, 21, 89 })
        {
            using var response = await bot.PostAsync(exercise, ResponsePoster.Fields(text: $"Visit my shop, exercise {exercise}."));
            statuses.Add(response.StatusCode);
        }

        using var elsewhere = await person.PostAsync(42, ResponsePoster.Fields());
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, (HttpStatusCode)429], statuses);
        Assert.Equal(HttpStatusCode.SeeOther, elsewhere.StatusCode);
    }

    [Fact]
    public async Task AddressesInsideOneIpv6SlashSixtyFourAreOneClient()
    {
        await using var app = new LibrarianAppFactory();
        app.Settings["Responses:RateLimitPermits"] = "2";
        using var first = new ResponsePoster(app, clientAddress: "2001:db8:1:2::1");
        using var rotated = new ResponsePoster(app, clientAddress: "2001:db8:1:2:ffff:ffff:ffff:fffe");
        using var neighbour = new ResponsePoster(app, clientAddress: "2001:db8:1:3::1");

        using var one = await first.PostAsync(89, ResponsePoster.Fields(text: "one"));
        using var two = await rotated.PostAsync(89, ResponsePoster.Fields(text: "two"));
        using var three = await rotated.PostAsync(89, ResponsePoster.Fields(text: "three"));
        using var other = await neighbour.PostAsync(89, ResponsePoster.Fields(text: "another subscriber"));

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, (HttpStatusCode)429, HttpStatusCode.SeeOther), (one.StatusCode, two.StatusCode, three.StatusCode, other.StatusCode));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:abcd::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("198.51.100.1", "::ffff:198.51.100.1", true)]
    [InlineData("198.51.100.1", "198.51.100.2", false)]
    public void AClientIsKeyedByItsIpv4AddressOrItsIpv6Block(string a, string b, bool same) =>
        Assert.Equal(same, ClientAddresses.KeyOf(IPAddress.Parse(a)).SequenceEqual(ClientAddresses.KeyOf(IPAddress.Parse(b))));

    [Fact]
    public async Task BeyondTheCapOnHeldResponsesANewOneIsRefusedWithItsTextGivenBack()
    {
        await using var app = new LibrarianAppFactory();
        app.Settings["Responses:HeldPerClientPerDay"] = "2";
        using var bot = new ResponsePoster(app, clientAddress: "203.0.113.9");

        using var one = await bot.PostAsync(89, ResponsePoster.Fields(text: "fast one"), thinkingTime: TimeSpan.Zero);
        using var two = await bot.PostAsync(42, ResponsePoster.Fields(text: "fast two"), thinkingTime: TimeSpan.Zero);
        using var three = await bot.PostAsync(21, ResponsePoster.Fields(text: "fast three, kept by nobody"), thinkingTime: TimeSpan.Zero);

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, (HttpStatusCode)429), (one.StatusCode, two.StatusCode, three.StatusCode));
        var page = await LibrarianAppFactory.ParseAsync(three);
        Assert.Equal("Your response was not posted", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("fast three, kept by nobody", page.QuerySelector("textarea#submitted-text")?.TextContent);
        Assert.Equal(2, await app.WithDbAsync(db => db.Responses.CountAsync(r => r.Status == ResponseStatus.Held)));

        // A response that passes screening is not held, so the cap does not touch it.
        using var careful = await bot.PostAsync(21, ResponsePoster.Fields(text: "read and written slowly"));
        Assert.Equal(HttpStatusCode.SeeOther, careful.StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(25));
        using var tomorrow = await bot.PostAsync(21, ResponsePoster.Fields(text: "fast, a day later"), thinkingTime: TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.SeeOther, tomorrow.StatusCode);
    }

    [Fact]
    public async Task SpamOlderThanTheRetentionIsPurgedAndNothingElse()
    {
        await using var app = new LibrarianAppFactory();
        _ = app.Server;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 89);
            db.Responses.AddRange(
                Response(exercise.Id, ResponseStatus.Spam, now.AddDays(-31), "old spam"),
                Response(exercise.Id, ResponseStatus.Spam, now.AddDays(-5), "recent spam"),
                Response(exercise.Id, ResponseStatus.Held, now.AddDays(-60), "old held"),
                Response(exercise.Id, ResponseStatus.Published, now.AddDays(-400), "old published"));
            return await db.SaveChangesAsync();
        });

        var purged = await app.Services.GetRequiredService<SpamPurge>().PurgeOnceAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        var left = await app.WithDbAsync(db => db.Responses.Where(r => r.Exercise.Number == 89).Select(r => r.BodyMarkdown).ToListAsync());
        Assert.Equal(["old held", "old published", "recent spam"], left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheClientSaltIsKeptInTheDatabaseSoHashesSurviveARestart()
    {
        await using var first = LibrarianAppFactory.WithDatabaseFile();
        var before = first.Services.GetRequiredService<ClientAddresses>().Hash(IPAddress.Parse("198.51.100.20"));
        await using var second = new LibrarianAppFactory();
        second.Settings["ConnectionStrings:Library"] = first.ConnectionString;
        var after = second.Services.GetRequiredService<ClientAddresses>().Hash(IPAddress.Parse("198.51.100.20"));

        await using var elsewhere = new LibrarianAppFactory();
        var otherDatabase = elsewhere.Services.GetRequiredService<ClientAddresses>().Hash(IPAddress.Parse("198.51.100.20"));
        Assert.Equal(before, after);
        Assert.NotEqual(before, otherDatabase);
    }

    private static Response Response(int exerciseId, ResponseStatus status, DateTime created, string text) => new()
    {
        ExerciseId = exerciseId,
        DisplayName = "Someone",
        BodyMarkdown = text,
        Status = status,
        CreatedUtc = created,
    };
}

/// <summary>The form token names its exercise and is good for one response; a moved or replayed one is held, never lost.</summary>
public sealed class FormTokenBindingTests
{
    [Fact]
    public async Task ATokenServedForOneExerciseAndPostedToAnotherIsHeld()
    {
        await using var app = new LibrarianAppFactory().WithoutPostingLimit();
        using var poster = new ResponsePoster(app);
        var formFor42 = await poster.OpenFormAsync(42);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        using var moved = await poster.SendAsync(89, formFor42, ResponsePoster.Fields(text: "moved token"));

        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Responses.SingleAsync(r => r.BodyMarkdown == "moved token"));
        Assert.Equal((ResponseStatus.Held, HoldReasons.OtherExercisesToken), (stored.Status, stored.HoldReason));
    }

    [Fact]
    public async Task ASecondResponseSentWithTheSameFormIsHeldAndTheFirstStaysPublished()
    {
        await using var app = new LibrarianAppFactory().WithoutPostingLimit();
        using var poster = new ResponsePoster(app);
        var form = await poster.OpenFormAsync(89);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        using var first = await poster.SendAsync(89, form, ResponsePoster.Fields(text: "first with this form"));
        using var replay = await poster.SendAsync(89, form, ResponsePoster.Fields(text: "second with this form"));

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (first.StatusCode, replay.StatusCode));
        var statuses = await app.WithDbAsync(db => db.Responses.Where(r => r.BodyMarkdown.EndsWith("with this form")).OrderBy(r => r.Id).Select(r => new { r.Status, r.HoldReason }).ToListAsync());
        Assert.Equal(ResponseStatus.Published, statuses[0].Status);
        Assert.Equal((ResponseStatus.Held, HoldReasons.ReusedFormToken), (statuses[1].Status, statuses[1].HoldReason));
    }

    [Fact]
    public async Task AFormShownBeforeARestartPostsAfterIt()
    {
        await using var before = LibrarianAppFactory.WithDatabaseFile();
        using var browser = before.CreateBrowserlessClient();
        using var shown = await browser.GetAsync(new Uri("/exercises/89", UriKind.Relative));
        var cookies = shown.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var page = await LibrarianAppFactory.ParseAsync(shown);
        var fields = page.QuerySelectorAll("form#response-form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in ResponsePoster.Fields(text: "written across a restart"))
        {
            fields[key] = value;
        }

        // The same database, a new host: as after a restart, a redeploy to a new folder, or on another instance.
        await using var after = new LibrarianAppFactory();
        after.Settings["ConnectionStrings:Library"] = before.ConnectionString;
        after.Clock.SetUtcNow(before.Clock.GetUtcNow().AddMinutes(2));
        using var client = after.CreateBrowserlessClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/exercises/89/responses", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await after.WithDbAsync(db => db.Responses.SingleAsync(r => r.BodyMarkdown == "written across a restart"));
        Assert.Equal(ResponseStatus.Published, stored.Status);
    }
}
