using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// The index in SQLite: FTS5 tables kept by the triggers of the SearchIndex and SearchTagsAndInitiatives migrations,
/// which call <see cref="SearchFunctions"/>, ranked by bm25 and marked by FTS5's own highlight and snippet.
/// </summary>
public sealed class SqliteSearchIndex : SearchIndex
{
    /// <summary>A title match weighs this many times a match in the text.</summary>
    private const double TitleWeight = 10.0;

    /// <summary>A match in a tag's or an initiative's name weighs this many times a match in the text.</summary>
    private const double LabelsWeight = 5.0;

    public override IQueryable<SearchMatch> Exercises(LibrarianDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var match = query.ToMatchExpression();
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT rowid AS "Id",
                   bm25("ExerciseSearch", {TitleWeight}, 1.0, {LabelsWeight}) AS "Rank",
                   highlight("ExerciseSearch", 0, char(57344), char(57345)) AS "Title",
                   snippet("ExerciseSearch", 1, char(57344), char(57345), '…', {ExerciseSnippetWords}) AS "Snippet"
            FROM "ExerciseSearch"
            WHERE "ExerciseSearch" MATCH {match}
            """);
    }

    public override IQueryable<SearchMatch> Responses(LibrarianDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var match = query.ToMatchExpression();
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT rowid AS "Id",
                   bm25("ResponseSearch") AS "Rank",
                   NULL AS "Title",
                   snippet("ResponseSearch", 0, char(57344), char(57345), '…', {ResponseSnippetWords}) AS "Snippet"
            FROM "ResponseSearch"
            WHERE "ResponseSearch" MATCH {match}
            """);
    }
}
