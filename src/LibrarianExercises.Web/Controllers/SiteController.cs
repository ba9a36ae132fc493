using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using LibrarianExercises.Web.Services.Languages;
using LibrarianExercises.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LibrarianExercises.Web.Controllers;

/// <summary>What crawlers read: the sitemap of every public page in every language, and robots.txt, which points to it.</summary>
public sealed class SiteController(SitemapQueries sitemap, SiteUrls urls) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [AcceptVerbs("GET", "HEAD", Route = "/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var pages = await sitemap.PagesAsync(cancellationToken);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await writer.WriteStartDocumentAsync();
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            var siteBase = Request.PathBase;
            foreach (var page in pages)
            {
                // Every language's page is listed, each naming all of them (itself too) as its alternates.
                var path = new PathString(PathOf(page)[siteBase.Value!.Length..]);
                foreach (var language in SiteLanguages.All)
                {
                    writer.WriteStartElement("url", SitemapNamespace);
                    writer.WriteElementString("loc", SitemapNamespace, urls.Absolute(LanguageLinks.PathIn(siteBase, language, path)));
                    if (page.LastModifiedUtc is { } changed)
                    {
                        writer.WriteElementString("lastmod", SitemapNamespace, changed.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    }

                    foreach (var alternate in SiteLanguages.All)
                    {
                        writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", alternate.Code);
                        writer.WriteAttributeString("href", urls.Absolute(LanguageLinks.PathIn(siteBase, alternate, path)));
                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }
            }

            writer.WriteEndElement();
            await writer.WriteEndDocumentAsync();
        }

        var content = stream.ToArray();
        var latest = pages.Max(p => p.LastModifiedUtc);
        var lastModified = latest is { } l ? new DateTimeOffset(l.Ticks - (l.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : (DateTimeOffset?)null;
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"");
        return File(content, "application/xml; charset=utf-8", lastModified, etag);
    }

    /// <summary>Keeps crawlers out of the editors' pages and sign-in, and names the sitemap.</summary>
    [AcceptVerbs("GET", "HEAD", Route = "/robots.txt")]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .AppendJoin("", SiteLanguages.All.Select(language =>
                "Disallow: " + LanguageLinks.PathIn(Request.PathBase, language, "/admin") + "\n"
                + "Disallow: " + LanguageLinks.PathIn(Request.PathBase, language, "/account") + "\n"))
            .Append('\n')
            .Append("Sitemap: ").Append(urls.Absolute(Url.Action(nameof(Sitemap), "Site", new { area = "" })!)).Append('\n')
            .ToString();
        return Content(text, "text/plain; charset=utf-8");
    }

    private string PathOf(SitemapPage page)
    {
        var path = page.Kind switch
        {
            SitemapPageKind.Home => Url.Action("Index", "Home", new { area = "" }),
            SitemapPageKind.ExerciseList => Url.Action("Index", "Exercises", new { area = "" }),
            SitemapPageKind.TagList => Url.Action("Index", "Tags", new { area = "" }),
            SitemapPageKind.Strategy => Url.Action("Index", "Strategy", new { area = "" }),
            SitemapPageKind.Exercise => Url.Action("Show", "Exercises", new { area = "", number = page.Key }),
            SitemapPageKind.Tag => Url.Action("Show", "Tags", new { area = "", slug = page.Key }),
            SitemapPageKind.Initiative => Url.Action("Show", "Strategy", new { area = "", code = page.Key }),
            _ => null,
        };
        return path ?? throw new InvalidOperationException($"No route for the {page.Kind} page {page.Key}.");
    }
}
