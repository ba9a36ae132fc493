using System.Collections.Concurrent;
using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Xsl;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Languages;
using LibrarianExercises.Web.Services.Site;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Feeds;

/// <summary>
/// What a browser shows for a feed: an XSLT stylesheet, one per language, that turns the Atom into a page saying what
/// a feed is and how to subscribe, with the entries and their links. Feeds name it in an <c>xml-stylesheet</c>
/// processing instruction, by a path on this site (a browser applies only a stylesheet of the feed's own origin);
/// feed readers ignore the instruction and read the same Atom as without it. Browsers that no longer run XSLT
/// (Chromium removed it) are sent the same page made here, on the server, when they open a feed (<see cref="IsPageRequest"/>).
/// </summary>
public sealed class FeedStylesheet(IStringLocalizer<SiteText> text, LinkGenerator links)
{
    /// <summary>The type browsers take a stylesheet for XML in.</summary>
    public const string ContentType = "text/xsl; charset=utf-8";

    private const string Xsl = "http://www.w3.org/1999/XSL/Transform";

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The type of the page made from a feed.</summary>
    public const string PageContentType = "text/html; charset=utf-8";

    private readonly ConcurrentDictionary<string, FeedDocument> _byLanguage = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, XslCompiledTransform> _transforms = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the request is a browser opening the address as a page: only browsers send these fetch metadata headers,
    /// and only for a navigation. Feed readers, including those running in a browser (a fetch, not a navigation), get
    /// the Atom.
    /// </summary>
    public static bool IsPageRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.Headers["Sec-Fetch-Dest"], "document", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page a browser that runs XSLT would show for the feed: the feed transformed by the stylesheet of the request's language.</summary>
    public FeedDocument Page(HttpContext context, FeedDocument feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var transform = _transforms.GetOrAdd(SiteLanguages.Current.Code, _ =>
        {
            var compiled = new XslCompiledTransform();
            using var reader = XmlReader.Create(new MemoryStream(For(context).Content));
            compiled.Load(reader, XsltSettings.Default, null);
            return compiled;
        });

        var settings = transform.OutputSettings!.Clone();
        settings.Encoding = new UTF8Encoding(false);
        using var output = new MemoryStream();
        using (var input = XmlReader.Create(new MemoryStream(feed.Content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        using (var writer = XmlWriter.Create(output, settings))
        {
            transform.Transform(input, null, writer);
        }

        var content = output.ToArray();
        return new FeedDocument(content, feed.LastModified, AtomFeeds.ETagOf(content));
    }

    /// <summary>The stylesheet in the request's language, made once per language (its words and the site's CSS do not change while it runs).</summary>
    public FeedDocument For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = SiteLanguages.Current;
        return _byLanguage.GetOrAdd(language.Code, _ =>
        {
            var content = Write(language, StylesheetLinks(context, language), SiteLinks(context));
            return new FeedDocument(content, DateTimeOffset.UnixEpoch, AtomFeeds.ETagOf(content));
        });
    }

    /// <summary>The feed with the instruction that names the stylesheet, after the XML declaration; the Atom is left as it was.</summary>
    public static FeedDocument Attach(FeedDocument feed, string stylesheetPath)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(stylesheetPath);
        var declarationEnd = feed.Content.AsSpan().IndexOf("?>"u8);
        if (declarationEnd < 0 || !feed.Content.AsSpan().StartsWith("<?xml "u8))
        {
            throw new InvalidOperationException("The feed does not start with an XML declaration.");
        }

        var instruction = Encoding.UTF8.GetBytes($"\n<?xml-stylesheet type=\"text/xsl\" href=\"{SecurityElement.Escape(stylesheetPath)}\"?>");
        var at = declarationEnd + 2;
        byte[] content = [.. feed.Content.AsSpan(0, at), .. instruction, .. feed.Content.AsSpan(at)];
        return feed with { Content = content, ETag = AtomFeeds.ETagOf(content) };
    }

    // The same one stylesheet per direction as the site's pages (_Layout).
    private static IReadOnlyList<string> StylesheetLinks(HttpContext context, SiteLanguage language) =>
    [
        StaticAssetLinks.Href(context, language.IsRightToLeft ? "css/site.rtl.css" : "css/site.css"),
    ];

    /// <summary>The site's home and main menu in the request's language, by route, as the layout's header has them.</summary>
    private FeedSiteLinks SiteLinks(HttpContext context)
    {
        string PathTo(string controller) =>
            links.GetPathByAction(context, "Index", controller, new { area = "" }) ?? throw new InvalidOperationException($"No route to {controller}.Index.");

        return new FeedSiteLinks(
            PathTo("Home"),
            [(PathTo("Exercises"), text["Exercises"].Value), (PathTo("Tags"), text["Tags"].Value), (PathTo("Strategy"), text["Strategy"].Value), (PathTo("Search"), text["Search"].Value)]);
    }

    private byte[] Write(SiteLanguage language, IReadOnlyList<string> stylesheets, FeedSiteLinks site)
    {
        XNamespace xsl = Xsl;
        XNamespace atom = Atom;
        static XElement ValueOf(XNamespace xsl, string select) => new(xsl + "value-of", new XAttribute("select", select));

        var entry = new XElement(
            "li",
            new XAttribute("class", "feed-entry mb-3"),
            new XElement(
                "h3",
                new XAttribute("class", "h5 mb-1"),
                new XAttribute("dir", "auto"),
                new XElement("a", new XAttribute("href", "{atom:link[@rel='alternate']/@href}"), ValueOf(xsl, "atom:title"))),
            new XElement(
                xsl + "if",
                new XAttribute("test", "atom:summary"),
                new XElement(
                    "p",
                    new XAttribute("class", "feed-entry-summary mb-0"),
                    new XAttribute("dir", "auto"),
                    // The summary's own language, when the feed gives it (an exercise's text is English on every page).
                    new XElement(
                        xsl + "if",
                        new XAttribute("test", "atom:summary/@xml:lang"),
                        new XElement(xsl + "attribute", new XAttribute("name", "lang"), ValueOf(xsl, "atom:summary/@xml:lang"))),
                    ValueOf(xsl, "atom:summary"))));

        var page = new XElement(
            "html",
            new XAttribute("lang", language.Code),
            new XAttribute("dir", language.Direction),
            new XElement(
                "head",
                new XElement("meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
                // Crawlers are sent the Atom, never this page; a browser's reader and its audits are given a description.
                new XElement("meta", new XAttribute("name", "description"), new XAttribute("content", "{atom:subtitle}")),
                new XElement("title", ValueOf(xsl, "atom:title")),
                stylesheets.Select(href => new XElement("link", new XAttribute("rel", "stylesheet"), new XAttribute("href", href)))),
            new XElement(
                "body",
                // The site's header, as on its other pages: a reader who opened the feed can go on to the site.
                new XElement("a", new XAttribute("class", "visually-hidden-focusable skip-link"), new XAttribute("href", "#main"), text["Skip to main content"].Value),
                new XElement(
                    "header",
                    new XAttribute("class", "site-header"),
                    new XElement(
                        "div",
                        new XAttribute("class", "container site-header-bar"),
                        new XElement("a", new XAttribute("class", "site-name"), new XAttribute("href", site.Home), text["10-Minute International Librarian"].Value),
                        new XElement(
                            "nav",
                            new XAttribute("class", "site-menu"),
                            new XAttribute("aria-label", text["Main"].Value),
                            new XElement("ul", site.Menu.Select(item => new XElement("li", new XElement("a", new XAttribute("href", item.Path), item.Name))))))),
                new XElement(
                    "main",
                    new XAttribute("id", "main"),
                    new XAttribute("class", "container py-4 feed-page"),
                    new XElement("p", new XAttribute("class", "feed-kind text-body-secondary mb-1"), text["This is a web feed: feed readers check it for you and show each new entry."].Value),
                    new XElement("h1", new XAttribute("class", "feed-title"), ValueOf(xsl, "atom:title")),
                    new XElement("p", new XAttribute("class", "feed-subtitle"), ValueOf(xsl, "atom:subtitle")),
                    new XElement(
                        "section",
                        new XAttribute("class", "feed-subscribe mb-4"),
                        new XAttribute("aria-labelledby", "feed-subscribe-title"),
                        new XElement("h2", new XAttribute("id", "feed-subscribe-title"), new XAttribute("class", "h4"), text["How to subscribe"].Value),
                        new XElement(
                            "p",
                            new XElement("label", new XAttribute("for", "feed-address"), text["Copy this address into your feed reader (an app or a website that gathers news from the sites you follow):"].Value)),
                        new XElement(
                            "input",
                            new XAttribute("id", "feed-address"),
                            new XAttribute("class", "form-control feed-address"),
                            new XAttribute("type", "url"),
                            new XAttribute("readonly", "readonly"),
                            new XAttribute("dir", "ltr"),
                            new XAttribute("value", "{atom:link[@rel='self']/@href}")),
                        new XElement(
                            "p",
                            new XAttribute("class", "mt-2 mb-0"),
                            new XElement("a", new XAttribute("class", "feed-page-link"), new XAttribute("href", "{atom:link[@rel='alternate']/@href}"), text["Or read them on the site"].Value))),
                    new XElement(
                        "section",
                        new XAttribute("aria-labelledby", "feed-entries-title"),
                        new XElement("h2", new XAttribute("id", "feed-entries-title"), new XAttribute("class", "h4"), text["Newest entries"].Value),
                        new XElement(
                            xsl + "choose",
                            new XElement(
                                xsl + "when",
                                new XAttribute("test", "atom:entry"),
                                new XElement("ol", new XAttribute("class", "list-unstyled feed-entries"), new XElement(xsl + "for-each", new XAttribute("select", "atom:entry"), entry))),
                            new XElement(
                                xsl + "otherwise",
                                new XElement("p", new XAttribute("class", "feed-empty"), text["Nothing has been published here yet."].Value)))))));

        var stylesheet = new XDocument(
            new XElement(
                xsl + "stylesheet",
                new XAttribute("version", "1.0"),
                new XAttribute(XNamespace.Xmlns + "xsl", Xsl),
                new XAttribute(XNamespace.Xmlns + "atom", Atom),
                new XAttribute("exclude-result-prefixes", "atom"),
                new XElement(xsl + "output", new XAttribute("method", "html"), new XAttribute("encoding", "utf-8"), new XAttribute("doctype-system", "about:legacy-compat")),
                new XElement(xsl + "template", new XAttribute("match", "/atom:feed"), page)));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            stylesheet.Save(writer);
        }

        return stream.ToArray();
    }
}

/// <summary>Where the feed page's header leads: the home page and the main menu's pages, with their names.</summary>
internal sealed record FeedSiteLinks(string Home, IReadOnlyList<(string Path, string Name)> Menu);
