using System.Net;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Languages;
using LibrarianExercises.Web.Services.Search;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>
/// An exercise is found by the names of its tags and of the key initiatives it serves, as by its title and text, and
/// the index follows every change to them, whatever makes it.
/// </summary>
public sealed class SearchLabelsTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    private SearchIndex Index => app.Services.GetRequiredService<SearchIndex>();

    [Theory]
    [InlineData("")]
    [InlineData("/ar")]
    public async Task AnArabicTagFindsTheExerciseCarryingIt(string prefix)
    {
        await EnsureExerciseAsync(611, "Invite a neighbour", "Ask someone from the street in.", tags: ["المشاركة المجتمعية"]);

        foreach (var query in new[] { "المشاركة المجتمعية", "المشاركة", "المجتمع" })
        {
            Assert.Contains("/exercises/611", await FoundExercisesAsync(query, prefix), StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task TagsAnEditorAddsOrRemovesAreFoundOrNotOnTheNextSearch()
    {
        await app.CreateExerciseAsync(612, "Make something by hand", "A craft afternoon.", tags: ["quillwork"]);
        Assert.Contains("/exercises/612", await FoundExercisesAsync("quillwork"), StringComparer.Ordinal);

        await app.ChangeExerciseAsync(store => store.UpdateAsync(612, new ExerciseDraft(612, "Make something by hand", "A craft afternoon.", ["beadwork"], [], null, null), CancellationToken.None));

        Assert.DoesNotContain("/exercises/612", await FoundExercisesAsync("quillwork"), StringComparer.Ordinal);
        Assert.Contains("/exercises/612", await FoundExercisesAsync("beadwork"), StringComparer.Ordinal);
    }

    [Fact]
    public async Task ATagRenamedInTheDatabaseIsFoundByItsNewName()
    {
        await app.CreateExerciseAsync(613, "Label the shelves", "New signs for every shelf.", tags: ["signage"]);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Tags" SET "Name" = 'wayfinding' WHERE "Slug" = 'signage';"""));
        await app.SearchIndexCaughtUpAsync();

        Assert.Contains("/exercises/613", await FoundExercisesAsync("wayfinding"), StringComparer.Ordinal);
        Assert.DoesNotContain("/exercises/613", await FoundExercisesAsync("signage"), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("en", "")]
    [InlineData("ar", "/ar")]
    [InlineData("zh", "/zh")]
    [InlineData("fr", "/fr")]
    [InlineData("de", "/de")]
    [InlineData("ru", "/ru")]
    [InlineData("es", "/es")]
    public async Task AnInitiativesNameAsThePagesOfALanguageShowItFindsTheExercisesServingIt(string language, string prefix)
    {
        await EnsureExerciseAsync(614, "Write to a minister", "A short letter about your library.", initiatives: ["1.3"]);
        var english = await app.WithDbAsync(db => db.KeyInitiatives.Where(i => i.Code == "1.3").Select(i => i.Name).SingleAsync());
        Assert.NotEmpty(english);

        string shown;
        await using (var scope = app.Services.CreateAsyncScope())
        using (new CultureScope(SiteLanguages.Find(language)!))
        {
            shown = scope.ServiceProvider.GetRequiredService<StrategyNames>().Text(english);
        }

        // The name's first words: a whole name can hold more words than a search takes (SearchQuery.MaxWords).
        var words = string.Join(' ', shown.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8));
        Assert.Contains("/exercises/614", await FoundExercisesAsync(words, prefix), StringComparer.Ordinal);
    }

    [Fact]
    public async Task NamingAnInitiativeOrUnlinkingItChangesWhatFindsItsExercises()
    {
        await app.CreateExerciseAsync(615, "Visit a museum", "Meet the museum's education team.", initiatives: ["4.4"]);
        await NameInitiativeAsync("4.4", "Zanzibar partnership desk");
        Assert.Contains("/exercises/615", await FoundExercisesAsync("Zanzibar partnership"), StringComparer.Ordinal);

        await NameInitiativeAsync("4.4", "Coastal partnership desk");
        Assert.DoesNotContain("/exercises/615", await FoundExercisesAsync("Zanzibar"), StringComparer.Ordinal);
        Assert.Contains("/exercises/615", await FoundExercisesAsync("coastal"), StringComparer.Ordinal);

        await app.ChangeExerciseAsync(store => store.UpdateAsync(615, new ExerciseDraft(615, "Visit a museum", "Meet the museum's education team.", [], [], null, null), CancellationToken.None));
        Assert.DoesNotContain("/exercises/615", await FoundExercisesAsync("coastal"), StringComparer.Ordinal);
    }

    [Fact]
    public async Task AnImportedPostIsFoundByItsTagsAndItsInitiative()
    {
        var name = await app.WithDbAsync(db => db.KeyInitiatives.Where(i => i.Code == "2.1").Select(i => i.Name).SingleAsync());
        await app.ImportAsync(BlogText.TagArchive("الموسيقى", BlogText.Post(616, "Sing in the stacks", "start a choir in the reading room", "2.1 " + name)));

        Assert.Contains("/exercises/616", await FoundExercisesAsync("الموسيقى"), StringComparer.Ordinal);
        Assert.Contains("/exercises/616", await FoundExercisesAsync(name), StringComparer.Ordinal);
    }

    [Fact]
    public async Task OtherTranslationsAtStartUpIndexTheNamesAgainOnce()
    {
        await app.CreateExerciseAsync(617, "Count the visitors", "A week of tallies.", initiatives: ["3.4"]);
        await NameInitiativeAsync("3.4", "Okapi census programme");
        var id = await app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 617).Select(e => e.Id).SingleAsync());
        // As if the labels had been made with other translations than this release's.
        await app.WithDbAsync(db => TestDatabase.IsPostgreSql
            ? db.Database.ExecuteSqlAsync($"""UPDATE "ExerciseSearch" SET "Labels" = '' WHERE "ExerciseId" = {id};""")
            : db.Database.ExecuteSqlAsync($"""UPDATE "ExerciseSearch" SET "Labels" = '' WHERE rowid = {id};"""));
        Assert.DoesNotContain("/exercises/617", await FoundExercisesAsync("okapi"), StringComparer.Ordinal);

        try
        {
            Assert.True(await app.WithDbAsync(db => Index.RefreshLabelsAsync(db, "other translations", CancellationToken.None)));
            Assert.Contains("/exercises/617", await FoundExercisesAsync("okapi"), StringComparer.Ordinal);
            Assert.False(await app.WithDbAsync(db => Index.RefreshLabelsAsync(db, "other translations", CancellationToken.None)));
        }
        finally
        {
            await app.WithDbAsync(db => Index.RefreshLabelsAsync(db, CancellationToken.None));
        }
    }

    private async Task EnsureExerciseAsync(int number, string title, string text, string[]? tags = null, string[]? initiatives = null)
    {
        if (!await app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == number)))
        {
            await app.CreateExerciseAsync(number, title, text, tags: tags, initiatives: initiatives);
        }
    }

    private async Task NameInitiativeAsync(string code, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<StrategyStore>().NameInitiativeAsync(code, name, CancellationToken.None));
    }

    private async Task<List<string?>> FoundExercisesAsync(string query, string prefix = "")
    {
        var (status, page) = await app.FetchAsync(prefix + "/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. Hrefs(page).Select(h => h is null || prefix.Length == 0 ? h : h[prefix.Length..])];
    }

    private static IEnumerable<string?> Hrefs(IHtmlDocument page) =>
        page.QuerySelectorAll(".exercise-results > li h3 a").Select(a => a.GetAttribute("href"));
}
