using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary>
/// Reads text copied from IFLA's blog (single posts or whole listing pages, both layouts) into the exercises of
/// "The 10-Minute International Librarian". BlogPostParserTests holds an example of every form it accepts.
/// </summary>
public static partial class BlogPostParser
{
    public const string SeriesTagName = "10MinuteInternationalLibrarian";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static bool IsSeriesTag(string tag) =>
        string.Equals(tag.TrimStart('#').Trim(), SeriesTagName, StringComparison.OrdinalIgnoreCase);

    public static ParsedDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var heading = ReadHeading(lines, out var firstContentLine);
        var titles = Enumerable.Range(firstContentLine, lines.Count - firstContentLine).Where(i => TitleLine().IsMatch(lines[i])).ToList();

        // The text before the first title, then each title with the text up to the next one.
        var stretches = new List<(Match? Title, List<string> Lines)>
        {
            (null, lines.GetRange(firstContentLine, (titles.Count > 0 ? titles[0] : lines.Count) - firstContentLine)),
        };
        for (var t = 0; t < titles.Count; t++)
        {
            var end = t + 1 < titles.Count ? titles[t + 1] : lines.Count;
            stretches.Add((TitleLine().Match(lines[titles[t]]), lines.GetRange(titles[t] + 1, end - titles[t] - 1)));
        }

        // Text before the first title is a post of its own only when it reads like one (a copy without its title line);
        // otherwise an address in it is that of the post below.
        var preambleIsPost = ReadsLikeAPost(stretches[0].Lines);
        var preambleAddress = preambleIsPost ? null : FindAddress(stretches[0].Lines);

        // A listing prints each post's address above its title or below the post; a single post may have it on either
        // side. An address before the first title, or none after the last post, means above.
        var page = new Page(
            MonthOf(heading),
            AddressesAboveTitles: preambleAddress is not null || titles.Count == 0 || FindAddress(stretches[^1].Lines) is null);

        var posts = new List<ParsedPost>();
        var skipped = new List<SkippedPost>();
        var addressAbove = preambleAddress;
        for (var s = preambleIsPost ? 0 : 1; s < stretches.Count; s++)
        {
            var (title, segment) = stretches[s];
            Match? nextAddress = null;
            if (page.AddressesAboveTitles && s + 1 < stretches.Count && LastAddressLine(segment) is { } index)
            {
                // The address just above the next title is the next post's, not this one's.
                nextAddress = PostAddress().Match(segment[index]) is { Success: true } above ? above : null;
                segment[index] = "";
            }

            ReadPost(title, segment, addressAbove, page, posts, skipped);
            addressAbove = nextAddress;
        }

        // Several posts, or excerpts, are what a listing page shows; a single post copied on its own has neither.
        var looksLikeAListing = posts.Count + skipped.Count > 1 || posts.Exists(p => p.IsExcerpt);
        return new ParsedDocument(heading, posts, skipped, looksLikeAListing);
    }

    private static List<string> SplitLines(string text)
    {
        var normalized = text.Replace("\uFEFF", "", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n');
        var lines = new List<string>();
        foreach (var raw in normalized.Split('\n'))
        {
            var line = NormalizeSpaces(raw).Trim();
            // A post cut off mid-word runs straight into the next title: "…in the commThe 10-Minute International…".
            var cut = CutOffTitle().Match(line);
            if (cut.Success)
            {
                lines.Add(line[..cut.Index].Trim());
                lines.Add(line[cut.Index..].Trim());
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string NormalizeSpaces(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            builder.Append(c is '\t' || (char.IsWhiteSpace(c) && c != '\n') ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Finds the archive heading wherever it stands before the first post: a browser's copy of a whole page puts the
    /// site's name, its menu or the page's address above it. What stands above the heading is the page's, not a post's.
    /// </summary>
    private static ArchiveHeading? ReadHeading(List<string> lines, out int firstContentLine)
    {
        firstContentLine = 0;
        ArchiveHeading? heading = null;
        var firstPost = lines.FindIndex(l => TitleLine().IsMatch(l) || ReadsLikeAPost([l]));
        var end = firstPost < 0 ? lines.Count : firstPost;
        var at = lines.FindIndex(0, end, l => ArchiveHeadingLine().IsMatch(l));
        if (at >= 0)
        {
            var match = ArchiveHeadingLine().Match(lines[at]);
            var kind = match.Groups["kind"].Value.ToUpperInvariant() switch
            {
                "TAG" => ArchiveKind.Tag,
                "MONTHLY" or "" => ArchiveKind.Month,
                "AUTHOR" => ArchiveKind.Author,
                "SEARCH" => ArchiveKind.Search,
                _ => ArchiveKind.Category,
            };
            var value = match.Groups["value"].Value.Trim().Trim('\'', '"', '‘', '’', '“', '”').Trim();
            heading = new ArchiveHeading(kind, value);
            firstContentLine = at + 1;
        }

        while (firstContentLine < lines.Count && (lines[firstContentLine].Length == 0 || PageCounter().IsMatch(lines[firstContentLine])))
        {
            firstContentLine++;
        }

        return heading;
    }

    /// <summary>The month of a month archive, which each of its posts was published in.</summary>
    private static DateOnly? MonthOf(ArchiveHeading? heading) =>
        heading is { Kind: ArchiveKind.Month } month
        && DateTime.TryParseExact(month.Value.Replace(",", "", StringComparison.Ordinal), ["MMMM yyyy", "MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var first)
            ? DateOnly.FromDateTime(first)
            : null;

    /// <summary>What the page around the posts tells of each of them.</summary>
    /// <param name="Month">The month of a month archive.</param>
    /// <param name="AddressesAboveTitles">Whether a post's address is printed above its title rather than below the post.</param>
    private sealed record Page(DateOnly? Month, bool AddressesAboveTitles);

    /// <summary>
    /// Reads the post that starts the lines (below its title, if it has one), then any post without a title that follows
    /// it in the same lines: a copy can lose a title line anywhere in a listing, not only at the top.
    /// </summary>
    private static void ReadPost(Match? title, List<string> lines, Match? addressAbove, Page page, List<ParsedPost> posts, List<SkippedPost> skipped)
    {
        var paragraphs = new List<string>();
        string? strategyLabel = null;
        var isExcerpt = false;
        // Where the post ends: after its strategy line, or at "Read full post…" below an excerpt.
        var end = lines.Count;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (title is null && paragraphs.Count == 0 && IsPageLabel(line))
            {
                // Above a post that lost its title: the site's name, its menu, a date line. Its text starts below.
                continue;
            }

            if (CommentsHeading().IsMatch(line))
            {
                // What follows is readers' words, never the post.
                end = i;
                break;
            }

            if (line.Length == 0 || PageLeftover().IsMatch(line) || Footer().IsMatch(line) || IsAddressLine(line))
            {
                continue;
            }

            if (ReadFullPost().IsMatch(line))
            {
                isExcerpt = true;
                end = i + 1;
                break;
            }

            var opening = StrategyOpening().Match(line);
            if (opening.Success)
            {
                // The label may run over several lines, and may even start on the next one.
                var label = new StringBuilder(line[opening.Length..].Trim());
                while (i + 1 < lines.Count && lines[i + 1].Length > 0
                    && !Footer().IsMatch(lines[i + 1]) && !PageLeftover().IsMatch(lines[i + 1]) && !CommentsHeading().IsMatch(lines[i + 1])
                    && !IsAddressLine(lines[i + 1]) && !ReadsLikeAPost([lines[i + 1]]))
                {
                    i++;
                    label.Append(label.Length > 0 ? " " : "").Append(lines[i]);
                }

                strategyLabel = label.ToString().Trim();
                end = i + 1;
                break;
            }

            paragraphs.Add(line);
        }

        // The footer and page leftovers follow a post; anything else that reads like a post is one that lost its title.
        var rest = lines.GetRange(end, lines.Count - end);
        var next = ReadsLikeAPost(rest) ? rest.FindIndex(IsText) : -1;
        var between = next < 0 ? rest : rest.GetRange(0, next);
        var address = addressAbove
            ?? FindAddress(lines.GetRange(0, end))
            ?? (next < 0 || !page.AddressesAboveTitles ? FindAddress(between) : null);

        AddPost(title, paragraphs, strategyLabel, isExcerpt, address, page, posts, skipped);

        if (next >= 0)
        {
            ReadPost(null, rest.GetRange(next, rest.Count - next), page.AddressesAboveTitles ? FindAddress(between) : null, page, posts, skipped);
        }
    }

    private static void AddPost(
        Match? title,
        List<string> paragraphs,
        string? strategyLabel,
        bool isExcerpt,
        Match? address,
        Page page,
        List<ParsedPost> posts,
        List<SkippedPost> skipped)
    {
        var warnings = new List<string>();
        if (paragraphs.Count > 0 && ExcerptEnding().IsMatch(paragraphs[^1]))
        {
            isExcerpt = true;
            paragraphs[^1] = ExcerptEnding().Replace(paragraphs[^1], "…");
        }

        var titleNumber = title is not null && title.Groups["number"].Success
            ? ParseNumber(title.Groups["number"].Value)
            : null;

        // A post may recall an earlier exercise in the words of a pivot sentence ("Last year, for our 32nd
        // 10-Minute International Librarian exercise, …"): the one that agrees with the title is this post's.
        var pivots = paragraphs.SelectMany(PivotSentences).ToList();
        var pivot = pivots.Find(m => ParseNumber(m.Groups["number"].Value) == titleNumber) ?? pivots.FirstOrDefault();
        var displayTitle = title?.Value ?? "(untitled post)";
        var titleNamesSeries = title is not null && IsInternationalLibrarian(title.Groups["series"].Value);

        // A post of this series shows it in its text (the pivot sentence or the strategy line), or in a title that names
        // the series and a number: a listing may cut a post off before both, or print only its excerpt. A title naming
        // another series is not enough, so that the mis-titled #91 is told from its siblings by its text alone.
        var belongs = pivot is not null || strategyLabel is not null || (titleNamesSeries && titleNumber is not null);
        if (!belongs)
        {
            skipped.Add(new SkippedPost(displayTitle, SkippedPost.AnotherSeries));
            return;
        }

        var pivotNumber = pivot is null ? null : ParseNumber(pivot.Groups["number"].Value);
        var number = pivotNumber ?? titleNumber;
        if (number is null or < 1)
        {
            skipped.Add(new SkippedPost(displayTitle, SkippedPost.NoNumber));
            return;
        }

        if (pivotNumber is not null && titleNumber is not null && pivotNumber != titleNumber)
        {
            warnings.Add($"the title says #{titleNumber} but the text says #{pivotNumber}: using #{pivotNumber}");
        }

        if (title is not null && !titleNamesSeries)
        {
            warnings.Add($"the title names another series (\"{title.Groups["series"].Value.Trim()}\")");
        }

        var task = title?.Groups["task"].Value.Trim() ?? "";
        if (task.Length == 0 && pivot is not null)
        {
            task = TaskFromPivot(pivot.Groups["task"].Value);
            warnings.Add(title is null ? "no title line: title taken from the text" : "the title has no task: title taken from the text");
        }

        if (task.Length == 0)
        {
            task = string.Create(CultureInfo.InvariantCulture, $"Exercise #{number}");
            warnings.Add("no title found");
        }

        ParsedStrategyLine? strategy = null;
        if (strategyLabel is not null)
        {
            strategy = ParseStrategyLabel(strategyLabel);
            if (strategy is null)
            {
                warnings.Add($"the strategy line names no initiative code: \"{strategyLabel}\"");
            }
        }
        else if (!isExcerpt)
        {
            warnings.Add("cut off before the strategy line: only its beginning is known, and it will not replace a full text");
        }

        if (!isExcerpt && strategyLabel is null && paragraphs.Count > 0 && !EndsLikeASentence(paragraphs[^1]))
        {
            warnings.Add("the text stops mid-sentence");
        }

        if (isExcerpt)
        {
            warnings.Add("excerpt only: only its beginning is known, and it will not replace a full text");
        }

        var day = address is null ? null : ToDate(address);
        posts.Add(new ParsedPost
        {
            Number = number.Value,
            Title = task,
            BodyMarkdown = string.Join("\n\n", paragraphs.Select(MarkdownText.Escape)),
            IsExcerpt = isExcerpt,
            IsCutOff = !isExcerpt && strategyLabel is null,
            Strategy = strategy,
            // The address gives the day; a month archive only the month.
            PublishedOn = day ?? page.Month,
            PublishedOnPrecision = day is null && page.Month is not null ? DatePrecision.Month : DatePrecision.Day,
            // Only a full address is worth linking to; a bare path would point into this site.
            SourceUrl = address is { Value: var url } && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : null,
            Warnings = warnings,
        });
    }

    /// <summary>Whether the lines hold a post: its pivot sentence or strategy line, before any comments.</summary>
    private static bool ReadsLikeAPost(List<string> lines) =>
        lines.TakeWhile(l => !CommentsHeading().IsMatch(l)).Any(l => PivotSentence().IsMatch(l) || StrategyOpening().IsMatch(l));

    /// <summary>
    /// A short line that is no sentence, such as the site's name, a menu or a search box's "Search for:", which a
    /// browser's copy of a whole page puts above a post. A post's own paragraphs are sentences; its pivot sentence and strategy line are never labels.
    /// </summary>
    private static bool IsPageLabel(string line) =>
        line.Length is > 0 and <= PageLabelMaxLength
        && (!EndsLikeASentence(line) || line[^1] == ':')
        && !ReadsLikeAPost([line]);

    private const int PageLabelMaxLength = 60;

    /// <summary>A line of a post's own text, not the page around it.</summary>
    private static bool IsText(string line) =>
        line.Length > 0 && !PageLeftover().IsMatch(line) && !Footer().IsMatch(line) && !IsAddressLine(line) && !CommentsHeading().IsMatch(line);

    /// <summary>The index of an address line that ends the lines (blank lines aside), if one does.</summary>
    private static int? LastAddressLine(List<string> lines)
    {
        var last = lines.FindLastIndex(l => l.Length > 0);
        return last >= 0 && IsAddressLine(lines[last]) ? last : null;
    }

    /// <summary>Reads the initiative code and name from a strategy label in any of its published forms.</summary>
    public static ParsedStrategyLine? ParseStrategyLabel(string label)
    {
        var match = StrategyLabel().Match(label);
        if (!match.Success)
        {
            return null;
        }

        var code = match.Groups["direction"].Value + "." + match.Groups["initiative"].Value;
        var name = Whitespace().Replace(match.Groups["name"].Value, " ").Trim().TrimEnd('.', ' ').Trim();
        return new ParsedStrategyLine(code, label, name);
    }

    /// <summary>The first post address among the lines, before any comments (which may link to other posts).</summary>
    private static Match? FindAddress(IEnumerable<string> lines) =>
        lines.TakeWhile(l => !CommentsHeading().IsMatch(l))
            .Select(l => PostAddress().Match(l))
            .FirstOrDefault(m => m.Success);

    /// <summary>
    /// A line holding only an address: a post's (which gives its day and source), or any web address, perhaps labelled
    /// (<c>source: https://…</c>), which a copy or its saver puts around a post. A post's own links copy as their
    /// words, so such a line is never part of its text.
    /// </summary>
    private static bool IsAddressLine(string line) =>
        (PostAddress().Match(line) is { Success: true } match && match.Length == line.Length) || AddressLine().IsMatch(line);

    private static IEnumerable<Match> PivotSentences(string paragraph)
    {
        // Each match runs to the end of the paragraph, so the next search starts just after the number.
        for (var match = PivotSentence().Match(paragraph); match.Success; match = PivotSentence().Match(paragraph, match.Groups["number"].Index + match.Groups["number"].Length))
        {
            yield return match;
        }
    }

    private static string TaskFromPivot(string task)
    {
        // The pivot sentence may share its paragraph with the sentences after it.
        var nextSentence = NextSentence().Match(task);
        if (nextSentence.Success)
        {
            task = task[..nextSentence.Index];
        }

        task = task.Trim().TrimEnd('.', '!', ' ');
        // As a title prints it: "(Re)read the Manifesto" for "(re)read the Manifesto".
        var first = task.AsSpan().IndexOfAnyExcept("([“‘\"'");
        if (first >= 0 && char.IsLower(task[first]))
        {
            task = task[..first] + char.ToUpperInvariant(task[first]) + task[(first + 1)..];
        }

        return task;
    }

    private static bool IsInternationalLibrarian(string series) => SeriesName().IsMatch(series);

    private static int? ParseNumber(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? ToDate(Match address)
    {
        var ok = int.TryParse(address.Groups["year"].Value, CultureInfo.InvariantCulture, out var year)
            & int.TryParse(address.Groups["month"].Value, CultureInfo.InvariantCulture, out var month)
            & int.TryParse(address.Groups["day"].Value, CultureInfo.InvariantCulture, out var day);
        return ok && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static bool EndsLikeASentence(string paragraph) =>
        paragraph.Length > 0 && ".!?…”’\")]:".Contains(paragraph[^1], StringComparison.Ordinal);

    private const string Dash = "[-\u2010-\u2015]";

    private const string SeriesPattern = "10" + "\\s*" + Dash + "?\\s*Minute\\s+International\\s+Librarian";

    // "The 10-Minute International Librarian #89: Make a connection", "10-Minute Library Advocate #91, …",
    // "Library Stat of the Week …". Sibling series are recognised so that they end the post before them.
    [GeneratedRegex(@"^(?:The\s+)?(?:(?<series>10\s*" + Dash + @"?\s*Minute(?:\s+\p{L}+){1,3})\s*#\s*(?<number>\d{1,5})\b\s*[:,.;]?\s*(?<task>.*)|(?<series>Library\s+Stat\s+of\s+the\s+Week)\b.*)$", Options)]
    private static partial Regex TitleLine();

    // A title quoted after an opening quote or bracket is a mention ("9 Responses to “The 10-Minute…”"), not a
    // post running into the next one.
    [GeneratedRegex(@"(?<=[^\s\p{Ps}\p{Pi}""'])(?=(?:The\s+)?10\s*" + Dash + @"?\s*Minute(?:\s+\p{L}+){1,3}\s*#\s*\d{1,5}\b)", Options)]
    private static partial Regex CutOffTitle();

    [GeneratedRegex(SeriesPattern, Options)]
    private static partial Regex SeriesName();

    // "So for our 89th 10-Minute International Librarian exercise, make a connection." and its variants:
    // no "So", "10 Minute", an inserted clause ("our 32nd – and our last of 2020 – 10-Minute…"), "100th and final".
    [GeneratedRegex(@"\bfor\s+our\s+(?<number>\d{1,5})(?:st|nd|rd|th)\b.{0,80}?" + SeriesPattern + @"(?:\s+exercise)?\s*[,:.–—-]?\s*(?<task>.*)$", Options)]
    private static partial Regex PivotSentence();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex NextSentence();

    [GeneratedRegex(@"^This\s+idea\s+relates\s+to\s+the\s+IFLA\s+Strategy\s*[!.:]?", Options)]
    private static partial Regex StrategyOpening();

    [GeneratedRegex(@"^\s*(?:Strategic\s+Direction\s*(?<direction>\d{1,2})\s*[,;.]?\s*Key\s+Initiative\s*(?<initiative>\d{1,2})|(?:Key\s+Initiative\s*)?(?<direction>\d{1,2})\s*\.\s*(?<initiative>\d{1,2}))\s*[:.,–—-]?\s*(?<name>.*)$", Options | RegexOptions.Singleline)]
    private static partial Regex StrategyLabel();

    // "Tag Archives: community engagement", "Tag Archive for '#10MinuteInternationalLibrarian'", "Monthly Archives: May 2021",
    // "Author Archives: …", "Search Results for: advocacy", and the older layout's month "Archive for May, 2021".
    [GeneratedRegex(@"^(?:(?<kind>Tag|Monthly|Author|Category)\s+Archives?\s*(?:for\b\s*:?|:)\s*(?<value>.+)|(?<kind>Search)\s+Results?\s*(?:for\b\s*:?|:)\s*(?<value>.+)|Archives?\s+for\s+(?<value>\p{L}+,?\s+\d{4}))$", Options)]
    private static partial Regex ArchiveHeadingLine();

    [GeneratedRegex(@"^Page\s+\d+\s+of\s+\d+$", Options)]
    private static partial Regex PageCounter();

    // What the blog prints above readers' comments: the comment count and the reply form.
    [GeneratedRegex(@"^(?:\d+\s+Responses?\s+to\s+[“""'‘].*|One\s+(?:thought|response)\s+on\s+[“""'‘].*|\d+\s+thoughts?\s+on\s+[“""'‘].*|Leave\s+a\s+Reply.*)$", Options)]
    private static partial Regex CommentsHeading();

    // What else the blog prints around a post: closed-comment notices, the page counter.
    [GeneratedRegex(@"^(?:Comments\s+are\s+(?:currently\s+)?closed\.?|Cancel\s+reply|Page\s+\d+\s+of\s+\d+)$", Options)]
    private static partial Regex PageLeftover();

    // The series footer ("As we publish more ideas… #10MinuteInternationalLibrarian tag… Ideas Store").
    [GeneratedRegex(@"#10MinuteInternationalLibrarian\s+tag|^As\s+we\s+publish\s+more\s+ideas|^You\s+can\s+view\s+all\s+of\s+our\s+ideas", Options)]
    private static partial Regex Footer();

    // The older layout's "Read full post…"; search pages of the newer one print "Read more".
    [GeneratedRegex(@"^Read\s+(?:(?:the\s+)?full\s+post|more)\s*(?:…|\.\.\.)?\s*$", Options)]
    private static partial Regex ReadFullPost();

    [GeneratedRegex(@"\s*\[(?:…|\.\.\.)\]\s*$", Options)]
    private static partial Regex ExcerptEnding();

    [GeneratedRegex(@"(?:https?://[^\s/]+)?/lpa/(?<year>\d{4})/(?<month>\d{2})/(?<day>\d{2})/[^\s/]+/?", Options)]
    private static partial Regex PostAddress();

    // "https://…", "source: https://…", "URL: <https://…>": a web address alone on its line, perhaps after a short label.
    [GeneratedRegex(@"^(?:\p{L}[\p{L}\p{M} ]{0,29}:\s*)?<?https?://[^\s<>]+>?$", Options)]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
