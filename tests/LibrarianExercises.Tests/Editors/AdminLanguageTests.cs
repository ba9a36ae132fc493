using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Editors;

/// <summary>
/// The editors' pages have only English text yet: under another language's prefix the site's frame follows that
/// language, and the editors' part says it is English, left to right, so that it is not read out as French.
/// </summary>
public sealed class AdminLanguageTests : IClassFixture<LibrarianAppFactory>
{
    private readonly LibrarianAppFactory _app;

    public AdminLanguageTests(LibrarianAppFactory app) => _app = app;

    [Theory]
    [InlineData("/admin", "en", "en")]
    [InlineData("/fr/admin", "fr", "en")]
    [InlineData("/ar/admin/exercises", "ar", "en")]
    public async Task TheEditorsEnglishIsMarkedEnglishInAnyFrame(string path, string page, string editors)
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var document = await editor.GetDocumentAsync(path);

        Assert.Equal(page, document.DocumentElement.GetAttribute("lang"));
        var part = document.QuerySelector(".admin-page")!;
        Assert.Equal(editors, part.GetAttribute("lang"));
        Assert.Equal("ltr", part.GetAttribute("dir"));
        // Nobody's search result: no other-language alternates.
        Assert.Empty(document.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }
}
