using System.Text;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// The index in PostgreSQL (migration SearchIndex of Data/PostgreSql/Migrations): tables holding the text as
/// <see cref="SearchText"/> makes it, each with a weighted tsvector under the <c>librarian</c> configuration (the
/// <c>simple</c> one with accents folded) and a GIN index, ranked by ts_rank_cd and marked by ts_headline.
/// </summary>
/// <remarks>
/// <para>
/// The characters of scripts written without spaces are set apart in the text, so each is a lexeme and a query of
/// several is a phrase (<c>'图' &lt;-&gt; '书':*</c>): Chinese and Japanese are found exactly as on SQLite, which
/// trigram matching would not do for two-character words.
/// </para>
/// <para>
/// PostgreSQL's triggers cannot call the app's code that makes the text (Markdown as read, initiative names in every
/// language), so its triggers only queue what changed (SearchIndexQueue), whoever wrote it; the app indexes the queue
/// after each save, in the save's transaction (<see cref="PostgreSqlSearchIndexing"/>), and at start-up for what
/// other tools wrote.
/// </para>
/// </remarks>
public sealed class PostgreSqlSearchIndex : SearchIndex
{
    // Weights for D, C, B and A: a body match (D) counts 0.1, a label (B) 0.5, a title (A) 1.
    private const string Weights = "{0.1, 0.2, 0.5, 1.0}";

    private const string ExerciseKind = "E";
    private const string ResponseKind = "R";

    /// <summary>Queued rows indexed per statement, so that a large backlog does not hold one huge transaction's memory.</summary>
    private const int CatchUpBatch = 500;

    public override IQueryable<SearchMatch> Exercises(LibrarianDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var tsQuery = ToTsQuery(query);
        // ts_headline is declared costly, so PostgreSQL computes it after the ordering and the limit: only for the
        // rows of the page read, not for every match counted.
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT s."ExerciseId" AS "Id",
                   -ts_rank_cd({Weights}::real[], s."Document", q) AS "Rank",
                   ts_headline('librarian', s."Title", q, 'HighlightAll=true, StartSel=' || chr(57344) || ', StopSel=' || chr(57345)) AS "Title",
                   ts_headline('librarian', s."Body", q, {HeadlineOptions(ExerciseSnippetWords)} || ', StartSel=' || chr(57344) || ', StopSel=' || chr(57345)) AS "Snippet"
            FROM "ExerciseSearch" s, to_tsquery('librarian', {tsQuery}) q
            WHERE s."Document" @@ q
            """);
    }

    public override IQueryable<SearchMatch> Responses(LibrarianDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var tsQuery = ToTsQuery(query);
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT s."ResponseId" AS "Id",
                   -ts_rank_cd(s."Document", q) AS "Rank",
                   NULL::text AS "Title",
                   ts_headline('librarian', s."Body", q, {HeadlineOptions(ResponseSnippetWords)} || ', StartSel=' || chr(57344) || ', StopSel=' || chr(57345)) AS "Snippet"
            FROM "ResponseSearch" s, to_tsquery('librarian', {tsQuery}) q
            WHERE s."Document" @@ q
            """);
    }

    /// <summary>
    /// The tsquery, built from the parsed words only, never from what was typed: each word's pieces quoted (they are
    /// letters, digits and marks, so no quote can be among them), the pieces of one word a phrase, the last matched
    /// as a prefix, and every word required.
    /// </summary>
    internal static string ToTsQuery(SearchQuery query)
    {
        if (!query.IsSearchable)
        {
            throw new InvalidOperationException("The query has nothing to search for.");
        }

        var expression = new StringBuilder();
        foreach (var word in query.Words)
        {
            if (expression.Length > 0)
            {
                expression.Append(" & ");
            }

            var pieces = SearchText.Words(word)!.Split(SearchText.Separator, StringSplitOptions.RemoveEmptyEntries);
            expression.Append('(').AppendJoin(" <-> ", pieces.Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'")).Append(":*)");
        }

        return expression.ToString();
    }

    /// <summary>
    /// ts_headline marks every occurrence of any of the query's lexemes, so a query of two Chinese characters would
    /// also mark each of them standing alone. A run of marked pieces stays marked only where it holds a whole word of
    /// the query, its pieces in order, as FTS5 marks phrases on SQLite.
    /// </summary>
    public override string? Marks(string? marked, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(marked) || query.Words.All(w => Pieces(w).Length < 2))
        {
            return marked;
        }

        var words = query.Words.Select(Pieces).ToList();
        var result = new StringBuilder(marked.Length);
        var position = 0;
        while (position < marked.Length)
        {
            var start = marked.IndexOf(SearchText.MatchStart, position);
            if (start < 0)
            {
                result.Append(marked, position, marked.Length - position);
                break;
            }

            result.Append(marked, position, start - position);
            // The run: marked pieces with nothing but separators between them.
            var pieces = new List<string>();
            var end = start;
            while (end < marked.Length && marked[end] == SearchText.MatchStart)
            {
                var close = marked.IndexOf(SearchText.MatchEnd, end + 1);
                close = close < 0 ? marked.Length : close;
                pieces.Add(Fold(marked[(end + 1)..close]));
                end = close + 1;
                var next = end;
                while (next < marked.Length && marked[next] == SearchText.Separator)
                {
                    next++;
                }

                if (next < marked.Length && marked[next] == SearchText.MatchStart)
                {
                    end = next;
                }
            }

            var run = marked[start..Math.Min(end, marked.Length)];
            result.Append(words.Any(w => Holds(pieces, w)) ? run : run.Replace(SearchText.MatchStart.ToString(), "", StringComparison.Ordinal).Replace(SearchText.MatchEnd.ToString(), "", StringComparison.Ordinal));
            position = Math.Min(end, marked.Length);
        }

        return result.ToString();
    }

    private static string[] Pieces(string word) =>
        [.. SearchText.Words(word)!.Split(SearchText.Separator, StringSplitOptions.RemoveEmptyEntries).Select(Fold)];

    /// <summary>Whether the run holds the word's pieces in order, the last as a prefix, as the tsquery matches them.</summary>
    private static bool Holds(List<string> run, string[] word)
    {
        for (var i = 0; i + word.Length <= run.Count; i++)
        {
            var all = true;
            for (var j = 0; j < word.Length && all; j++)
            {
                all = j == word.Length - 1 ? run[i + j].StartsWith(word[j], StringComparison.Ordinal) : run[i + j] == word[j];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Case and accents folded, as the librarian configuration folds them.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().ToLowerInvariant();
    }

    private static string HeadlineOptions(int words) =>
        FormattableString.Invariant($"MaxFragments=1, MaxWords={words}, MinWords={words / 2}, FragmentDelimiter=…");

    public override async Task CatchUpAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Taking rows off the queue and indexing them commit together, so that nothing queued is lost on a failure.
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        while (true)
        {
            // Rows another writer is indexing are skipped, not waited for: it indexes them.
            var queued = await db.Database.SqlQuery<QueuedChange>($"""
                DELETE FROM "SearchIndexQueue" q
                USING (SELECT "Kind", "Id" FROM "SearchIndexQueue" LIMIT {CatchUpBatch} FOR UPDATE SKIP LOCKED) d
                WHERE q."Kind" = d."Kind" AND q."Id" = d."Id"
                RETURNING q."Kind" AS "Kind", q."Id" AS "Id"
                """).ToListAsync(cancellationToken);
            if (queued.Count > 0)
            {
                await IndexExercisesAsync(db, [.. queued.Where(q => q.Kind == ExerciseKind).Select(q => q.Id)], cancellationToken);
                await IndexResponsesAsync(db, [.. queued.Where(q => q.Kind == ResponseKind).Select(q => q.Id)], cancellationToken);
            }

            if (queued.Count < CatchUpBatch)
            {
                break;
            }
        }

        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task IndexExercisesAsync(LibrarianDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }

        // An exercise deleted since it was queued is gone from the index with it (a cascading key).
        var exercises = await db.Exercises.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.BodyMarkdown,
                Tags = e.Tags.Select(t => t.Name).ToList(),
                Initiatives = e.Initiatives.Select(i => i.KeyInitiative.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (exercises.Count == 0)
        {
            return;
        }

        var found = exercises.Select(e => e.Id).ToArray();
        var titles = exercises.Select(e => SearchText.Words(e.Title) ?? "").ToArray();
        var bodies = exercises.Select(e => SearchText.FromMarkdown(e.BodyMarkdown) ?? "").ToArray();
        var labels = exercises.Select(e => Labels(e.Tags, e.Initiatives)).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ExerciseSearch" ("ExerciseId", "Title", "Body", "Labels")
            SELECT * FROM unnest({found}, {titles}, {bodies}, {labels})
            ON CONFLICT ("ExerciseId") DO UPDATE SET "Title" = excluded."Title", "Body" = excluded."Body", "Labels" = excluded."Labels";
            """,
            cancellationToken);
    }

    /// <summary>An exercise's labels: its tags' names, then its initiatives' names in every language the site ships.</summary>
    private static string Labels(IEnumerable<string> tags, IEnumerable<string> initiatives) =>
        (SearchText.Words(string.Join('\n', tags)) ?? "") + "\n" + string.Join('\n', initiatives.Select(SearchText.InitiativeNames));

    private static async Task IndexResponsesAsync(LibrarianDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }

        // Only published responses are in the index, so held and spam text is never there to be found.
        var published = await db.Responses.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.Status == ResponseStatus.Published)
            .Select(r => new { r.Id, r.BodyMarkdown })
            .ToListAsync(cancellationToken);
        var publishedIds = published.Select(r => r.Id).ToArray();
        var bodies = published.Select(r => SearchText.FromMarkdown(r.BodyMarkdown) ?? "").ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM "ResponseSearch" WHERE "ResponseId" = ANY({ids}) AND NOT ("ResponseId" = ANY({publishedIds}));
            INSERT INTO "ResponseSearch" ("ResponseId", "Body")
            SELECT * FROM unnest({publishedIds}, {bodies})
            ON CONFLICT ("ResponseId") DO UPDATE SET "Body" = excluded."Body";
            """,
            cancellationToken);
    }

    private sealed class QueuedChange
    {
        public required string Kind { get; init; }

        public int Id { get; init; }
    }
}
