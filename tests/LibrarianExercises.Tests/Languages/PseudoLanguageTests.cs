using System.Net;
using AngleSharp.Dom;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Tests.Languages;

/// <summary>
/// Every page type rendered in the pseudo-language: any text a reader sees (or hears: titles, labels, descriptions)
/// that is neither pseudo-translated nor data (an exercise, a response, a name, a number) fails, naming the text.
/// This is how interface text written straight into a view is caught, for good.
/// </summary>
public sealed class PseudoLanguageTests : IClassFixture<LibrarianAppFactory>
{
    private readonly WebApplicationFactory<Program> _app;
    private readonly LibrarianAppFactory _base;


    public PseudoLanguageTests(LibrarianAppFactory app)
    {
        _base = app.WithoutPostingLimit();
        _app = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ResourceManagerStringLocalizerFactory>();
            services.AddSingleton<IStringLocalizerFactory>(provider =>
                new PseudoLocalizerFactory(provider.GetRequiredService<ResourceManagerStringLocalizerFactory>()));
        }));
    }

    public static TheoryData<string, int> Pages => new()
    {
        { "/", 200 },
        { "/exercises", 200 },
        { "/exercises?initiative=3.2", 200 },
        { "/exercises?direction=3", 200 },
        { "/exercises/89", 200 },
        { "/exercises/42", 200 },
        { "/tags", 200 },
        { "/tags/community-engagement", 200 },
        { "/strategy", 200 },
        { "/strategy/3.2", 200 },
        { "/search", 200 },
        { "/search?q=partner", 200 },
        { "/search?q=zzzzqqq", 200 },
        { "/search?q=%22", 400 },
        { "/exercises/50", 404 },
        { "/exercises/not-a-number", 400 },
        { "/tags/no-such-tag", 404 },
        { "/strategy/9.9", 404 },
        { "/nowhere", 404 },
        { "/account/login", 200 },
        { "/api/reference", 200 },
        { "/fr/exercises/89", 200 },
        { "/ar/strategy", 200 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryTextOnThePageIsTranslatableOrData(string path, int status)
    {
        await _base.AddResponseAsync(89, "Our branch *partnered* with the museum.", name: "Ana Librarian");
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal((HttpStatusCode)status, response.StatusCode);

        var page = await LibrarianAppFactory.ParseAsync(response);
        var untranslated = Untranslated(page);
        Assert.True(untranslated.Count == 0, "Not through the localizer: " + string.Join(" | ", untranslated));
    }

    [Fact]
    public async Task ARefusedResponseShowsOnlyTranslatableText()
    {
        // The client keeps its cookies: the form's antiforgery cookie goes back with the post.
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = await client.GetAsync(new Uri("/exercises/42", UriKind.Relative));
        var fields = (await LibrarianAppFactory.ParseAsync(form)).QuerySelectorAll("#response-form input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields["Form.DisplayName"] = "Ana";
        fields["Form.Text"] = "";
        fields["Form.Country"] = "XX";

        using var refused = await client.PostAsync(new Uri("/exercises/42/responses", UriKind.Relative), new FormUrlEncodedContent(fields));
        var page = await LibrarianAppFactory.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll("#form-errors li").Length);
        var untranslated = Untranslated(page);
        Assert.True(untranslated.Count == 0, "Not through the localizer: " + string.Join(" | ", untranslated));
    }

    [Fact]
    public void TheCheckItselfCatchesTextWrittenIntoAPage()
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<html><head><title>⟦Ťíťľé⟧</title></head><body><p>Hard-coded words</p><p>⟦Ťřáɲšľáťéď⟧ 12</p>" +
            "<p lang=\"en\">An exercise's text</p><a aria-label=\"Written in\">⟦x⟧</a></body></html>");

        Assert.Equal(["aria-label: Written in", "Hard-coded words"], Untranslated(page));
    }

    /// <summary>Each piece of visible or announced text with letters outside the pseudo-language's brackets.</summary>
    private static List<string> Untranslated(IDocument page)
    {
        var found = new List<string>();
        void Check(string text, string? attribute = null)
        {
            foreach (var leftover in Leftovers(text))
            {
                found.Add(attribute is null ? leftover : $"{attribute}: {leftover}");
            }
        }

        Check(page.Title ?? "", "title");
        // An exercise page's description is the exercise's own first paragraph: data.
        if (page.QuerySelector(".exercise-text") is null && page.QuerySelector("meta[name=description]")?.GetAttribute("content") is { } description)
        {
            Check(description, "description");
        }

        // The text in reading order, data left out: a translated sentence may wrap markup (a count, a name), so its
        // brackets open in one text node and close in another.
        var flow = new System.Text.StringBuilder();
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    flow.Append(text.Data);
                }
                else if (child is IElement element)
                {
                    if (IsData(element))
                    {
                        flow.Append(' ');
                        continue;
                    }

                    foreach (var attribute in new[] { "aria-label", "title", "placeholder", "alt" })
                    {
                        if (element.GetAttribute(attribute) is { } value)
                        {
                            Check(value, attribute);
                        }
                    }

                    Walk(element);
                }
            }
        }

        Walk(page.Body!);
        Check(flow.ToString());
        return found;
    }

    // Data, not interface: what editors and visitors wrote (marked with its language, or with dir="auto" where the
    // language is unknown), names isolated in <bdi>, dates, the countries' names (from ICU), and form values.
    private static bool IsData(IElement element) =>
        element.Closest("[lang]:not(html), bdi, time, [dir=auto], script, style, textarea, select option[value]:not([value=''])") is not null;

    /// <summary>The runs of text outside the brackets that have letters in them.</summary>
    private static IEnumerable<string> Leftovers(string text)
    {
        var outside = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c == PseudoLocalizerFactory.Open)
            {
                depth++;
                outside.Append('\n');
                continue;
            }

            if (c == PseudoLocalizerFactory.Close)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth == 0)
            {
                outside.Append(c);
            }
        }

        return outside.ToString().Split('\n').Select(run => string.Join(' ', run.Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(run => run.Any(char.IsLetter));
    }
}
