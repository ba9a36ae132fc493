using System.ServiceModel.Syndication;
using System.Xml;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>
/// Where absolute links point without <c>Site:PublicUrl</c>: in Development to the address each request came to, so
/// that the site run on another port links to itself; elsewhere to the local run's address, with a warning at start;
/// in Production nowhere, since the site does not start.
/// </summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task InDevelopmentWithoutAPublicAddressLinksFollowThePortTheSiteRunsOn()
    {
        await using var app = new LibrarianAppFactory { EnvironmentName = "Development" };
        var site = app.StartKestrel();
        var origin = site.GetLeftPart(UriPartial.Authority);
        Assert.NotEqual("http://localhost:5000", origin);
        using var client = new HttpClient { BaseAddress = site };

        var page = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/fr/exercises/89", UriKind.Relative)));
        using var feedResponse = await client.GetAsync(new Uri("/feed", UriKind.Relative));
        using var reader = XmlReader.Create(await feedResponse.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal(origin + "/fr/exercises/89", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(origin + "/exercises/89", page.QuerySelector("link[rel=alternate][hreflang=en]")?.GetAttribute("href"));
        Assert.Equal(origin + "/exercises/89", page.QuerySelector("link[rel=alternate][hreflang=x-default]")?.GetAttribute("href"));
        Assert.StartsWith(origin + "/", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.All(feed.Items, item => Assert.StartsWith(origin + "/exercises/", item.Links.Single().Uri.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("localhost:5000", await client.GetStringAsync(new Uri("/sitemaps/1.xml", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentEachAddressTheSiteIsReachedAtGetsItsOwnCachedPage()
    {
        await using var app = new LibrarianAppFactory { EnvironmentName = "Development" };

        async Task<string?> CanonicalAsync(string host)
        {
            using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(host) });
            using var response = await client.GetAsync(new Uri("/exercises", UriKind.Relative));
            return (await LibrarianAppFactory.ParseAsync(response)).QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        }

        Assert.Equal("http://localhost:5099/exercises", await CanonicalAsync("http://localhost:5099"));
        Assert.Equal("http://127.0.0.1:5099/exercises", await CanonicalAsync("http://127.0.0.1:5099"));
        Assert.Equal("http://localhost:5099/exercises", await CanonicalAsync("http://localhost:5099"));
    }

    [Fact]
    public async Task InDevelopmentAConfiguredPublicAddressStillWinsOverTheRequest()
    {
        await using var app = new LibrarianAppFactory { EnvironmentName = "Development" };
        app.Settings["Site:PublicUrl"] = "https://exercises.example.org";
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5099") });

        var page = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/exercises/89", UriKind.Relative)));

        Assert.Equal("https://exercises.example.org/exercises/89", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task OutsideDevelopmentWithoutAPublicAddressTheSiteWarnsAtStartAndKeepsToTheLocalRun()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"librarian-log-{Guid.NewGuid():N}");
        try
        {
            await using (var app = new LibrarianAppFactory { EnvironmentName = "Staging", LogFolder = folder })
            {
                // Asked for at another address, which a forged Host header could be: links do not follow it.
                using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });
                var page = await LibrarianAppFactory.ParseAsync(await client.GetAsync(new Uri("/exercises/89", UriKind.Relative)));
                Assert.Equal("http://localhost:5000/exercises/89", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            }

            var log = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder)));
            Assert.Contains("[WRN] Site:PublicUrl is not set (Staging): canonical links, feeds and the sitemap point to http://localhost:5000. Production needs it set", log, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task InProductionWithoutAPublicAddressTheSiteDoesNotStartAndSaysWhatToSet()
    {
        var error = await LibrarianAppFactory.StartFailureAsync(app => app.EnvironmentName = "Production");

        var message = error.GetBaseException().Message;
        Assert.Contains("Site:PublicUrl is not set", message, StringComparison.Ordinal);
        Assert.Contains("Site__PublicUrl", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionWithAPublicAddressTheSiteStarts()
    {
        await using var app = new LibrarianAppFactory { EnvironmentName = "Production" };
        app.Settings["Site:PublicUrl"] = "https://exercises.example.org";

        var page = await app.GetDocumentAsync("/exercises/89");

        Assert.Equal("https://exercises.example.org/exercises/89", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
