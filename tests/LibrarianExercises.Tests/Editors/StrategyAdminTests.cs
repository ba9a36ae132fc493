using System.Net;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Editors;

/// <summary>
/// The editors' strategy pages: naming initiatives, and confirming or correcting the mappings whose published label
/// names another initiative than their code's.
/// </summary>
public sealed class StrategyAdminTests : IAsyncLifetime
{
    // Code 2.1, but the name is 1.4's.
    private const string DisagreeingLabel = "Key Initiative 2.1: Shape public opinion and debate around open access and library values, including intellectual freedom and human rights";

    private readonly LibrarianAppFactory _app = new();
    private EditorSession _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorSession.SignInAsync(_app);

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task EveryInitiativeIsListedWithItsNameAndAFormToNameIt()
    {
        var page = await _editor.GetDocumentAsync("/admin/strategy");

        var rows = page.QuerySelectorAll("tr.initiative-row").ToList();
        Assert.Equal(16, rows.Count);
        Assert.Equal(
            ["2.4", "4.1", "4.4"],
            rows.Where(r => r.QuerySelector(".name-missing") is not null).Select(r => r.GetAttribute("data-code")));
        Assert.All(rows, row =>
        {
            var form = row.QuerySelector("form.initiative-name-form");
            Assert.Equal($"/admin/strategy/{row.GetAttribute("data-code")}/name", form?.GetAttribute("action"));
            var input = form!.QuerySelector("input[name='Form.Name']");
            Assert.NotNull(page.QuerySelector($"label[for='{input?.Id}']"));
        });
        Assert.Equal("Support virtual networking and connections", rows.Single(r => r.GetAttribute("data-code") == "3.2").QuerySelector("input[name='Form.Name']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("Champion library values worldwide")]
    [InlineData("تعزيز قيم المكتبات")]
    [InlineData("推动图书馆价值观")]
    public async Task NamingAnUnnamedInitiativeShowsOnTheStrategyPagesAndIsAudited(string name)
    {
        using var response = await _editor.SubmitAsync("/admin/strategy", "tr[data-code='2.4'] form", new() { ["Form.Name"] = "  " + name + " " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/strategy#initiative-2.4", response.Headers.Location?.ToString());
        var admin = await _editor.GetDocumentAsync("/admin/strategy");
        Assert.Equal($"Key initiative 2.4 is now named “{name}”.", admin.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Equal(name, admin.QuerySelector("tr[data-code='2.4'] .initiative-name")?.TextContent.Trim());
        var initiative = await _app.GetDocumentAsync("/strategy/2.4");
        Assert.Contains(name, initiative.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == AuditEntities.Initiative && a.EntityKey == "2.4"));
        Assert.Equal(AuditActions.Named, entry.Action);
        Assert.Equal(AuditActorKind.Editor, entry.ActorKind);
        Assert.Equal(EditorSession.DefaultEmail, entry.Actor);
        var change = Assert.Single(JsonDocument.Parse(entry.Changes).RootElement.EnumerateArray());
        Assert.Equal(name, change.GetProperty("New").GetString());
    }

    [Fact]
    public async Task CorrectingANameKeepsTheOldOneInTheAuditTrail()
    {
        using var response = await _editor.SubmitAsync("/admin/strategy/3.2/name", "form.initiative-name-form", new() { ["Form.Name"] = "Support virtual networking\nand connections online" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == AuditEntities.Initiative && a.EntityKey == "3.2"));
        var change = Assert.Single(JsonDocument.Parse(entry.Changes).RootElement.EnumerateArray());
        Assert.Equal("Support virtual networking and connections", change.GetProperty("Old").GetString());
        Assert.Equal("Support virtual networking and connections online", change.GetProperty("New").GetString());
    }

    [Theory]
    [InlineData("", "Please give the initiative’s name.")]
    [InlineData(" \n ", "Please give the initiative’s name.")]
    [InlineData("x", "Please keep the name to 400 characters or fewer.")]
    [InlineData("A name\u0007 that rings", "The name cannot hold control characters.")]
    public async Task ANameThatIsMissingOrTooLongIsRefusedWithTheErrorTiedToTheField(string name, string error)
    {
        var sent = name == "x" ? new string('x', StrategyStore.NameMaxLength + 1) : name;

        using var response = await _editor.SubmitAsync("/admin/strategy", "tr[data-code='4.1'] form", new() { ["Form.Name"] = sent });
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, page.QuerySelector("#form-errors a[href='#Form_Name']")?.TextContent.Trim());
        var input = page.QuerySelector("input#Form_Name");
        Assert.Equal("true", input?.GetAttribute("aria-invalid"));
        Assert.Contains("Form_Name-error", input?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        // No maxlength: a browser would cut a pasted name short without a word.
        Assert.False(input?.HasAttribute("maxlength"));
        Assert.Equal(error, page.QuerySelector("#Form_Name-error")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("label[for=Form_Name]"));
        Assert.Equal("", await _app.WithDbAsync(db => db.KeyInitiatives.Where(i => i.Code == "4.1").Select(i => i.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("x.y", HttpStatusCode.BadRequest, "That is not a key initiative code")]
    [InlineData("3", HttpStatusCode.BadRequest, "That is not a key initiative code")]
    [InlineData("9.9", HttpStatusCode.NotFound, "No such key initiative")]
    public async Task NamingAMalformedOrUnknownCodeIsRefused(string code, HttpStatusCode status, string heading)
    {
        using var response = await _editor.PostWithTokenAsync($"/admin/strategy/{code}/name", [new("Form.Name", "A name")]);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == AuditEntities.Initiative)));
    }

    [Fact]
    public async Task ConfirmingAMappingTakesItOffTheReviewAndSurvivesAReimport()
    {
        var post = BlogText.Post(51, "Stand up for open access", "stand up", DisagreeingLabel);
        await _app.ImportAsync(post);
        var review = await _editor.GetDocumentAsync("/admin/strategy/review");
        var row = Assert.Single(review.QuerySelectorAll("tr.review-row"));
        Assert.Equal("51", row.GetAttribute("data-exercise"));
        Assert.Equal(DisagreeingLabel, row.QuerySelector(".published-label")?.TextContent.Trim());
        Assert.Equal("Produce, communicate and distribute key resources and materials that inspire the profession", row.QuerySelector(".initiative-name")?.TextContent.Trim());

        using var response = await _editor.SubmitAsync(review, "tr[data-exercise='51'] form.confirm-mapping-form", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/strategy/review", response.Headers.Location?.ToString());
        var after = await _editor.GetDocumentAsync("/admin/strategy/review");
        Assert.Equal("The mapping of exercise #51 to key initiative 2.1 is confirmed.", after.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Empty(after.QuerySelectorAll("tr.review-row"));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ExerciseNumber == 51 && a.Action == AuditActions.MappingConfirmed));
        Assert.Equal(EditorSession.DefaultEmail, entry.Actor);

        await _app.ImportAsync(post);

        Assert.Empty((await _editor.GetDocumentAsync("/admin/strategy/review")).QuerySelectorAll("tr.review-row"));
        Assert.Equal(["2.1"], await LinkedCodesAsync(51));
    }

    [Fact]
    public async Task CorrectingAMappingMovesTheExerciseAndTheCorrectionSurvivesAReimport()
    {
        var post = BlogText.Post(51, "Stand up for open access", "stand up", DisagreeingLabel);
        await _app.ImportAsync(post);
        var review = await _editor.GetDocumentAsync("/admin/strategy/review");
        var select = review.QuerySelector("tr[data-exercise='51'] form.correct-mapping-form select[name=To]");
        Assert.NotNull(select);
        Assert.NotNull(review.QuerySelector($"label[for='{select.Id}']"));
        Assert.Equal(16, select.QuerySelectorAll("option").Length);

        using var response = await _editor.SubmitAsync(review, "tr[data-exercise='51'] form.correct-mapping-form", new() { ["To"] = "1.4" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _editor.GetDocumentAsync("/admin/strategy/review");
        Assert.Equal("Exercise #51 now serves key initiative 1.4 instead of 2.1.", after.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Empty(after.QuerySelectorAll("tr.review-row"));
        Assert.Equal(["1.4"], await LinkedCodesAsync(51));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ExerciseNumber == 51 && a.Action == AuditActions.MappingCorrected && a.Actor == EditorSession.DefaultEmail)));

        var again = await _app.ImportAsync(post);

        Assert.Equal(["1.4"], await LinkedCodesAsync(51));
        Assert.Contains("initiatives", Assert.Single(again.Exercises).KeptFields);
        var initiative = await _app.GetDocumentAsync("/strategy/1.4");
        Assert.Contains("/exercises/51", initiative.QuerySelectorAll("li.initiative-exercise a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/admin/strategy/review/x/2.1/confirm", null, HttpStatusCode.BadRequest)]
    [InlineData("/admin/strategy/review/51/two/confirm", null, HttpStatusCode.BadRequest)]
    [InlineData("/admin/strategy/review/51/3.2/confirm", null, HttpStatusCode.NotFound)]
    [InlineData("/admin/strategy/review/52/2.1/confirm", null, HttpStatusCode.NotFound)]
    [InlineData("/admin/strategy/review/51/2.1/correct", "one", HttpStatusCode.BadRequest)]
    [InlineData("/admin/strategy/review/51/2.1/correct", "9.9", HttpStatusCode.NotFound)]
    public async Task AMalformedOrUnknownMappingIsRefusedAndChangesNothing(string action, string? to, HttpStatusCode status)
    {
        await _app.ImportAsync(BlogText.Post(51, "Stand up for open access", "stand up", DisagreeingLabel));

        using var response = await _editor.PostWithTokenAsync(action, to is null ? [] : [new("To", to)]);

        Assert.Equal(status, response.StatusCode);
        Assert.Single((await _editor.GetDocumentAsync("/admin/strategy/review")).QuerySelectorAll("tr.review-row"));
    }

    [Fact]
    public async Task TheOldPublicReviewAddressLeadsToTheEditorsPageAndSoToSignIn()
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var moved = await visitor.Client.GetAsync(new Uri("/strategy/review", UriKind.Relative));
        using var admin = await visitor.Client.GetAsync(moved.Headers.Location);

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/admin/strategy/review", moved.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=%2Fadmin%2Fstrategy%2Freview", admin.Headers.Location?.ToString(), StringComparison.Ordinal);
        var strategy = await _app.GetDocumentAsync("/strategy");
        Assert.Null(strategy.QuerySelector("a[href*='review']"));
    }

    [Theory]
    [InlineData("GET", "/admin/strategy")]
    [InlineData("GET", "/admin/strategy/review")]
    [InlineData("GET", "/admin/strategy/2.4/name")]
    [InlineData("POST", "/admin/strategy/2.4/name")]
    [InlineData("POST", "/admin/strategy/review/51/2.1/confirm")]
    [InlineData("GET", "/admin/import")]
    [InlineData("POST", "/admin/import/preview")]
    public async Task AnAnonymousVisitorIsSentToSignIn(string method, string path)
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("Form.Name", "A name")]);
        }

        using var response = await visitor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == AuditEntities.Initiative)));
    }

    private Task<List<string>> LinkedCodesAsync(int number) =>
        _app.WithDbAsync(db => db.ExerciseInitiatives
            .Where(l => l.Exercise.Number == number)
            .Select(l => l.KeyInitiative.Code)
            .ToListAsync());
}
