using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Responses;

/// <summary>A response form's token says when and for which exercise the form was served, and cannot be altered.</summary>
public sealed class FormTokenTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    private FormTokens Tokens => _app.Services.GetRequiredService<FormTokens>();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void ATokenReadsBackAsTheFormItWasIssuedFor()
    {
        var issuedAt = _app.Clock.GetUtcNow();

        var ticket = Tokens.Read(Tokens.Issue(89));

        Assert.NotNull(ticket);
        Assert.Equal(89, ticket.ExerciseNumber);
        Assert.Equal(issuedAt, ticket.IssuedAt);
        Assert.Matches("^[0-9a-f]{32}$", ticket.Nonce);
    }

    [Fact]
    public void EveryFormGetsItsOwnNonce()
    {
        var nonces = Enumerable.Range(0, 50).Select(_ => Tokens.Read(Tokens.Issue(89))!.Nonce).ToHashSet();

        Assert.Equal(50, nonces.Count);
    }

    [Fact]
    public void ChangingAnyCharacterOfATokenMakesItUnreadable()
    {
        var token = Tokens.Issue(89);

        for (var i = 0; i < token.Length; i++)
        {
            var altered = token.ToCharArray();
            altered[i] = altered[i] == '1' ? '2' : '1';
            Assert.Null(Tokens.Read(new string(altered)));
        }
    }

    [Fact]
    public void AnOlderTimeOrAnotherExerciseCannotBeWrittenIntoAToken()
    {
        var parts = Tokens.Issue(89).Split('.');

        var backdated = string.Join('.', (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) - TimeSpan.TicksPerHour).ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2], parts[3]);
        var moved = string.Join('.', parts[0], "42", parts[2], parts[3]);

        Assert.Null(Tokens.Read(backdated));
        Assert.Null(Tokens.Read(moved));
    }

    [Fact]
    public async Task ATokenFromAnotherInstanceIsNotAccepted()
    {
        await using var other = new LibrarianAppFactory();
        var foreign = other.Services.GetRequiredService<FormTokens>().Issue(89);

        Assert.Null(Tokens.Read(foreign));
    }

    [Fact]
    public async Task ADatabaseMadeBeforeFormTokensWereSignedGetsItsKeyAtStart()
    {
        await using var before = LibrarianAppFactory.WithDatabaseFile();
        await before.WithDbAsync(db => db.InstanceSecrets.Where(s => s.Name == InstanceSecret.FormTokenKey).ExecuteDeleteAsync());

        await using var after = new LibrarianAppFactory();
        after.Settings["ConnectionStrings:Library"] = before.ConnectionString;
        using var poster = new ResponsePoster(after);
        using var posted = await poster.PostAsync(89, ResponsePoster.Fields(text: "posted after the upgrade"));

        Assert.True(await after.WithDbAsync(db => db.InstanceSecrets.AnyAsync(s => s.Name == InstanceSecret.FormTokenKey)));
        var stored = await after.WithDbAsync(db => db.Responses.SingleAsync(r => r.BodyMarkdown == "posted after the upgrade"));
        Assert.Equal(ResponseStatus.Published, stored.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("639001234567890123.89.0123456789abcdef0123456789abcdef")]
    [InlineData("639001234567890123.89.0123456789abcdef0123456789abcdef.")]
    [InlineData("639001234567890123.89.0123456789abcdef0123456789abcdef.!!!!")]
    [InlineData("CfDJ8OldDataProtectionToken-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void ADamagedOrMissingTokenReadsAsNone(string? token) => Assert.Null(Tokens.Read(token));

    [Fact]
    public void AnOverlongTokenIsNotRead() => Assert.Null(Tokens.Read(Tokens.Issue(89) + new string('A', 200)));
}
