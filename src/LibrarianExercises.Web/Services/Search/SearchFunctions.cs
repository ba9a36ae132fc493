using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// Gives every connection the app opens the SQL functions the search triggers call (see the SearchIndex
/// migration), so that whichever code writes an exercise or a response, the index gets the same plain text.
/// </summary>
/// <remarks>
/// A connection without them (the sqlite3 shell, say) can still read and delete, but inserting or changing an
/// exercise or a response there fails with "no such function" rather than leaving the index behind.
/// </remarks>
internal sealed class SearchFunctions : DbConnectionInterceptor
{
    /// <summary><c>search_words(text)</c>: plain text such as a title, ready to index.</summary>
    public const string Words = "search_words";

    /// <summary><c>search_markdown(text)</c>: Markdown as its reader sees it, ready to index.</summary>
    public const string Markdown = "search_markdown";

    public static readonly SearchFunctions Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    public static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>(Words, SearchText.Words, isDeterministic: true);
            sqlite.CreateFunction<string?, string?>(Markdown, SearchText.FromMarkdown, isDeterministic: true);
        }
    }
}
