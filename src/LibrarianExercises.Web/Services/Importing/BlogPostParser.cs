using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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

        var titleIndexes = new List<int>();
        for (var i = firstContentLine; i < lines.Count; i++)
        {
            if (TitleLine().IsMatch(lines[i]))
            {
                titleIndexes.Add(i);
            }
        }

        var posts = new List<ParsedPost>();
        var skipped = new List<SkippedPost>();
        var isSeriesArchive = heading is { Kind: ArchiveKind.Tag } h && IsSeriesTag(h.Value);

        // Text before the first title is a post of its own only when it reads like one (a copy without its title line);
        // otherwise an address in it is that of the post below.
        var preambleEnd = titleIndexes.Count > 0 ? titleIndexes[0] : lines.Count;
        var preamble = lines.GetRange(firstContentLine, preambleEnd - firstContentLine);
        Match? preambleAddress = null;
        if (preamble.Any(l => PivotSentence().IsMatch(l) || StrategyOpening().IsMatch(l)))
        {
            ReadSegment(null, preamble, isSeriesArchive, null, posts, skipped);
        }
        else
        {
            preambleAddress = FindAddress(preamble);
        }

        for (var t = 0; t < titleIndexes.Count; t++)
        {
            var start = titleIndexes[t];
            var end = t + 1 < titleIndexes.Count ? titleIndexes[t + 1] : lines.Count;
            var segment = lines.GetRange(start + 1, end - start - 1);
            ReadSegment(TitleLine().Match(lines[start]), segment, isSeriesArchive, t == 0 ? preambleAddress : null, posts, skipped);
        }

        return new ParsedDocument(heading, posts, skipped);
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

    private static ArchiveHeading? ReadHeading(List<string> lines, out int firstContentLine)
    {
        firstContentLine = 0;
        while (firstContentLine < lines.Count && lines[firstContentLine].Length == 0)
        {
            firstContentLine++;
        }

        if (firstContentLine == lines.Count)
        {
            return null;
        }

        ArchiveHeading? heading = null;
        var line = lines[firstContentLine];
        var match = ArchiveHeadingLine().Match(line);
        if (match.Success)
        {
            var kind = match.Groups["kind"].Value.ToUpperInvariant() switch
            {
                "TAG" => ArchiveKind.Tag,
                "MONTHLY" => ArchiveKind.Month,
                "AUTHOR" => ArchiveKind.Author,
                _ => ArchiveKind.Category,
            };
            var value = match.Groups["value"].Value.Trim().Trim('\'', '"', '‘', '’', '“', '”').Trim();
            heading = new ArchiveHeading(kind, value);
            firstContentLine++;
        }

        while (firstContentLine < lines.Count && (lines[firstContentLine].Length == 0 || PageCounter().IsMatch(lines[firstContentLine])))
        {
            firstContentLine++;
        }

        return heading;
    }

    private static void ReadSegment(
        Match? title, List<string> lines, bool isSeriesArchive, Match? addressAbove, List<ParsedPost> posts, List<SkippedPost> skipped)
    {
        var warnings = new List<string>();
        var paragraphs = new List<string>();
        string? strategyLabel = null;
        var isExcerpt = false;
        // The address may also come after the strategy line, below the footer.
        var address = addressAbove ?? FindAddress(lines);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || PageLeftover().IsMatch(line) || Footer().IsMatch(line))
            {
                continue;
            }

            if (ReadFullPost().IsMatch(line))
            {
                isExcerpt = true;
                continue;
            }

            if (IsAddressLine(line))
            {
                continue;
            }

            var opening = StrategyOpening().Match(line);
            if (opening.Success)
            {
                // The label may run over several lines, and may even start on the next one.
                var label = new StringBuilder(line[opening.Length..].Trim());
                while (i + 1 < lines.Count && lines[i + 1].Length > 0
                    && !Footer().IsMatch(lines[i + 1]) && !PageLeftover().IsMatch(lines[i + 1]) && !IsAddressLine(lines[i + 1]))
                {
                    i++;
                    label.Append(label.Length > 0 ? " " : "").Append(lines[i]);
                }

                strategyLabel = label.ToString().Trim();
                // What follows the strategy line is the footer and the page around the post.
                break;
            }

            paragraphs.Add(line);
        }

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

        var belongs = pivot is not null || strategyLabel is not null
            || (isExcerpt && titleNamesSeries && (isSeriesArchive || paragraphs.Any(p => SeriesName().IsMatch(p))));
        if (!belongs)
        {
            skipped.Add(new SkippedPost(displayTitle, titleNamesSeries
                ? "no pivot sentence or strategy line: cannot tell it is an exercise"
                : "another series"));
            return;
        }

        var pivotNumber = pivot is null ? null : ParseNumber(pivot.Groups["number"].Value);
        var number = pivotNumber ?? titleNumber;
        if (number is null or < 1)
        {
            skipped.Add(new SkippedPost(displayTitle, "no exercise number in the title or the pivot sentence"));
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
            warnings.Add("no strategy line: the post may be cut off, so it will not replace a full text");
        }

        if (!isExcerpt && strategyLabel is null && paragraphs.Count > 0 && !EndsLikeASentence(paragraphs[^1]))
        {
            warnings.Add("the text stops mid-sentence");
        }

        if (isExcerpt)
        {
            warnings.Add("excerpt only: will not replace a full text");
        }

        posts.Add(new ParsedPost
        {
            Number = number.Value,
            Title = task,
            BodyMarkdown = string.Join("\n\n", paragraphs.Select(MarkdownText.Escape)),
            IsExcerpt = isExcerpt,
            IsCutOff = !isExcerpt && strategyLabel is null,
            Strategy = strategy,
            PublishedOn = address is null ? null : ToDate(address),
            // Only a full address is worth linking to; a bare path would point into this site.
            SourceUrl = address is { Value: var url } && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : null,
            Warnings = warnings,
        });
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
        lines.TakeWhile(l => !PageLeftover().IsMatch(l))
            .Select(l => PostAddress().Match(l))
            .FirstOrDefault(m => m.Success);

    private static bool IsAddressLine(string line) => PostAddress().Match(line) is { Success: true } match && match.Length == line.Length;

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
        if (task.Length > 0 && char.IsLower(task[0]))
        {
            task = char.ToUpperInvariant(task[0]) + task[1..];
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

    [GeneratedRegex(@"^(?:(?<kind>Tag|Monthly|Author|Category)\s+Archives?\s*(?::|for\b)\s*(?<value>.+))$", Options)]
    private static partial Regex ArchiveHeadingLine();

    [GeneratedRegex(@"^Page\s+\d+\s+of\s+\d+$", Options)]
    private static partial Regex PageCounter();

    // What the blog prints around a post: comment counts, the reply form, closed-comment notices.
    [GeneratedRegex(@"^(?:\d+\s+Responses?\s+to\s+[“""'‘].*|One\s+(?:thought|response)\s+on\s+[“""'‘].*|\d+\s+thoughts?\s+on\s+[“""'‘].*|Leave\s+a\s+Reply.*|Comments\s+are\s+(?:currently\s+)?closed\.?|Cancel\s+reply|Page\s+\d+\s+of\s+\d+)$", Options)]
    private static partial Regex PageLeftover();

    // The series footer ("As we publish more ideas… #10MinuteInternationalLibrarian tag… Ideas Store").
    [GeneratedRegex(@"#10MinuteInternationalLibrarian\s+tag|^As\s+we\s+publish\s+more\s+ideas|^You\s+can\s+view\s+all\s+of\s+our\s+ideas", Options)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^Read\s+(?:the\s+)?full\s+post\s*(?:…|\.\.\.)?\s*$", Options)]
    private static partial Regex ReadFullPost();

    [GeneratedRegex(@"\s*\[(?:…|\.\.\.)\]\s*$", Options)]
    private static partial Regex ExcerptEnding();

    [GeneratedRegex(@"(?:https?://[^\s/]+)?/lpa/(?<year>\d{4})/(?<month>\d{2})/(?<day>\d{2})/[^\s/]+/?", Options)]
    private static partial Regex PostAddress();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
