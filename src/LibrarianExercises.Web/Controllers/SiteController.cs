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

    /// <summary>
    /// Pages per sitemap file. Each is listed in seven languages, so a file holds 35,000 addresses: within the
    /// protocol's 50,000, at 10,000 exercises too.
    /// </summary>
    public const int PagesPerFile = 5_000;

    /// <summary>The sitemap index: one sitemap file per <see cref="PagesPerFile"/> pages.</summary>
    [AcceptVerbs("GET", "HEAD", Route = "/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var pages = await sitemap.PagesAsync(cancellationToken);
        var files = pages.Chunk(PagesPerFile).ToList();
        return await XmlAsync(pages, async writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNamespace);
            for (var i = 0; i < Math.Max(1, files.Count); i++)
            {
                writer.WriteStartElement("sitemap", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, urls.Absolute(Url.Action(nameof(SitemapFile), "Site", new { area = "", number = i + 1 })!));
                if (i < files.Count && files[i].Max(p => p.LastModifiedUtc) is { } changed)
                {
                    writer.WriteElementString("lastmod", SitemapNamespace, W3cDate(changed));
                }

                await writer.WriteEndElementAsync();
            }

            await writer.WriteEndElementAsync();
        });
    }

    /// <summary>One sitemap file: its pages in every language, each naming all of them (itself too) as alternates.</summary>
    [AcceptVerbs("GET", "HEAD", Route = "/sitemaps/{number}.xml")]
    public async Task<IActionResult> SitemapFile(string number, CancellationToken cancellationToken)
    {
        if (!Models.RouteValues.TryParsePage(number, out var file))
        {
            return this.ProblemView(Models.ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, number);
        }

        var pages = await sitemap.PagesAsync(cancellationToken);
        var slice = pages.Skip((file - 1) * PagesPerFile).Take(PagesPerFile).ToList();
        if (slice.Count == 0 && file > 1)
        {
            return this.ProblemView(Models.ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, number);
        }

        var siteBase = Request.PathBase;
        return await XmlAsync(slice, async writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in slice)
            {
                var path = new PathString(PathOf(page)[siteBase.Value!.Length..]);
                foreach (var language in SiteLanguages.All)
                {
                    writer.WriteStartElement("url", SitemapNamespace);
                    writer.WriteElementString("loc", SitemapNamespace, urls.Absolute(LanguageLinks.PathIn(siteBase, language, path)));
                    if (page.LastModifiedUtc is { } changed)
                    {
                        writer.WriteElementString("lastmod", SitemapNamespace, W3cDate(changed));
                    }

                    foreach (var alternate in SiteLanguages.All)
                    {
                        writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", alternate.Code);
                        writer.WriteAttributeString("href", urls.Absolute(LanguageLinks.PathIn(siteBase, alternate, path)));
                        await writer.WriteEndElementAsync();
                    }

                    await writer.WriteEndElementAsync();
                }
            }

            await writer.WriteEndElementAsync();
        });
    }

    /// <summary>The XML with a strong ETag of its bytes and the newest change among its pages as Last-Modified.</summary>
    private async Task<FileContentResult> XmlAsync(IReadOnlyCollection<SitemapPage> pages, Func<XmlWriter, Task> write)
    {
        using var stream = new MemoryStream();
        await using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await writer.WriteStartDocumentAsync();
            await write(writer);
            await writer.WriteEndDocumentAsync();
        }

        var content = stream.ToArray();
        var latest = pages.Max(p => p.LastModifiedUtc);
        var lastModified = latest is { } l ? new DateTimeOffset(l.Ticks - (l.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : (DateTimeOffset?)null;
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"");
        return File(content, "application/xml; charset=utf-8", lastModified, etag);
    }

    private static string W3cDate(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Names the sitemap and keeps no address from crawlers. Every editors' page needs sign-in, so a crawler that
    /// follows a link there is sent to the sign-in page, which is public; a Disallow line would only publish where the
    /// editors' area is, and would mark pages that can be reached as closed.
    /// </summary>
    [AcceptVerbs("GET", "HEAD", Route = "/robots.txt")]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow:\n")
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
