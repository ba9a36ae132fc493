using System.Globalization;
using System.Text;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>Why a visitor's query cannot be searched; the search page explains each.</summary>
public enum SearchProblem
{
    None,

    /// <summary>Nothing typed.</summary>
    Empty,

    /// <summary>Only punctuation or symbols: no letter or digit to look for.</summary>
    NoWords,

    /// <summary>Only the words and signs of a search syntax (AND, OR, NEAR, a column filter), which this search does not use.</summary>
    OnlyOperators,

    TooLong,

    TooManyWords,
}

/// <summary>
/// A visitor's query read as words. Every word is quoted before it reaches FTS5's MATCH, so nothing typed is ever
/// taken as syntax: quotes, stars, brackets and colons separate words, and the operators of FTS5 (AND, OR, NOT,
/// NEAR in capitals, a column name before a colon) are set aside rather than obeyed.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;

    public const int MaxWords = 20;

    private static readonly HashSet<string> Operators = new(["AND", "OR", "NOT", "NEAR"], StringComparer.Ordinal);

    // The index's columns: "title:", "body:" or "labels:" before a word would be a column filter.
    private static readonly HashSet<string> ColumnNames = new(["title", "body", "labels"], StringComparer.OrdinalIgnoreCase);

    private SearchQuery(string text, IReadOnlyList<string> words, bool setAside, int? exerciseNumber, SearchProblem problem)
    {
        Text = text;
        Words = words;
        SetAside = setAside;
        ExerciseNumber = exerciseNumber;
        Problem = problem;
    }

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>The words looked for, each matched as the start of a word ("partner" finds "partners").</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Whether operators or a column filter were typed and left out.</summary>
    public bool SetAside { get; }

    /// <summary>The exercise the query names by number ("89", "#89"), offered first.</summary>
    public int? ExerciseNumber { get; }

    public SearchProblem Problem { get; }

    public bool IsSearchable => Problem == SearchProblem.None;

    public static SearchQuery Parse(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new SearchQuery(text, [], false, null, SearchProblem.Empty);
        }

        if (text.Length > MaxLength)
        {
            return new SearchQuery(text, [], false, null, SearchProblem.TooLong);
        }

        var runs = Runs(text);
        var words = new List<string>();
        var setAside = false;
        foreach (var run in runs)
        {
            if (Operators.Contains(run.Text) || (run.BeforeColon && (run.InGroup || ColumnNames.Contains(run.Text))))
            {
                setAside = true;
                continue;
            }

            if (!words.Contains(run.Text, StringComparer.Ordinal))
            {
                words.Add(run.Text);
            }
        }

        var number = Models.ExerciseNumber.TryParse(text.TrimStart('#').Trim(), out var n) ? n.Value : (int?)null;
        var problem = words.Count > MaxWords ? SearchProblem.TooManyWords
            : words.Count > 0 ? SearchProblem.None
            : runs.Count > 0 ? SearchProblem.OnlyOperators
            : SearchProblem.NoWords;
        return new SearchQuery(text, problem == SearchProblem.None ? words : [], setAside, number, problem);
    }

    /// <summary>
    /// The FTS5 query: each word a quoted string (so that it is only ever words), matched as a prefix, all of them
    /// required. Within a word, characters of scripts written without spaces stand apart as in the index, which
    /// makes them a phrase: "图书" finds 图书馆.
    /// </summary>
    public string ToMatchExpression()
    {
        if (!IsSearchable)
        {
            throw new InvalidOperationException("The query has nothing to search for.");
        }

        return string.Join(' ', Words.Select(w => "\"" + SearchText.Words(w)!.Replace(SearchText.Separator, ' ').Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
    }

    /// <summary>The runs of letters and digits, each noting whether a colon follows it (or the braced group it is in).</summary>
    private static List<Run> Runs(string text)
    {
        var runs = new List<Run>();
        var current = new StringBuilder();
        var hasLetter = false;
        var groupStart = -1; // the first run inside the open or last closed braces
        var last = Last.Other;

        void CloseRun()
        {
            if (current.Length > 0 && hasLetter)
            {
                runs.Add(new Run(current.ToString(), false));
                last = Last.Word;
            }

            current.Clear();
            hasLetter = false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (SearchText.IsWordPart(rune))
            {
                current.Append(rune.ToString());
                hasLetter |= SearchText.IsLetterOrDigit(rune);
                continue;
            }

            CloseRun();
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            switch (rune.Value)
            {
                case '{':
                    groupStart = runs.Count;
                    last = Last.Other;
                    break;
                case '}':
                    last = groupStart >= 0 && groupStart < runs.Count ? Last.Group : Last.Other;
                    break;
                case ':' when last == Last.Word:
                    runs[^1] = runs[^1] with { BeforeColon = true };
                    last = Last.Other;
                    break;
                case ':' when last == Last.Group:
                    // "{title body}:" names columns too.
                    for (var i = groupStart; i < runs.Count; i++)
                    {
                        runs[i] = runs[i] with { BeforeColon = true, InGroup = true };
                    }

                    last = Last.Other;
                    break;
                default:
                    last = Last.Other;
                    break;
            }
        }

        CloseRun();
        return runs;
    }

    private enum Last
    {
        Other,
        Word,
        Group,
    }

    private readonly record struct Run(string Text, bool BeforeColon, bool InGroup = false);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Text} → {string.Join(' ', Words)}");
}
