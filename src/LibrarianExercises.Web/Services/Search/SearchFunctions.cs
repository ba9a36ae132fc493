using LibrarianExercises.Web.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// Gives every connection the app opens the SQL functions the search triggers call (see the SearchIndex and
/// SearchTagsAndInitiatives migrations), so that whichever code writes an exercise or a response, the index gets the same plain text.
/// </summary>
/// <remarks>
/// A connection without them (the sqlite3 shell, say) can still read and delete, but inserting or changing an
/// exercise or a response there fails with "no such function" rather than leaving the index behind.
/// </remarks>
internal sealed class SearchFunctions : OncePerSqliteConnection
{
    /// <summary><c>search_words(text)</c>: plain text such as a title, ready to index.</summary>
    public const string Words = "search_words";

    /// <summary><c>search_markdown(text)</c>: Markdown as its reader sees it, ready to index.</summary>
    public const string Markdown = "search_markdown";

    /// <summary><c>search_initiative_names(name)</c>: a key initiative's name in English and every translation, ready to index.</summary>
    public const string InitiativeNames = "search_initiative_names";

    public static readonly SearchFunctions Instance = new();

    /// <remarks>
    /// Registered on the native connection itself: <see cref="SqliteConnection.CreateFunction{T1, TResult}(string, Func{T1, TResult}, bool)"/>
    /// would be kept by the pooled wrapper and registered again on every open.
    /// </remarks>
    protected override void Configure(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Register(connection.Handle!, Words, SearchText.Words);
        Register(connection.Handle!, Markdown, SearchText.FromMarkdown);
        Register(connection.Handle!, InitiativeNames, SearchText.InitiativeNames);
    }

    private static void Register(sqlite3 handle, string name, Func<string?, string?> function)
    {
        var status = raw.sqlite3_create_function(handle, name, 1, raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC, function, Call);
        if (status != raw.SQLITE_OK)
        {
            throw new SqliteException($"The search function {name} could not be registered: {raw.sqlite3_errstr(status).utf8_to_string()}", status);
        }
    }

    private static void Call(sqlite3_context context, object state, sqlite3_value[] arguments)
    {
        try
        {
            var text = raw.sqlite3_value_type(arguments[0]) == raw.SQLITE_NULL ? null : raw.sqlite3_value_text(arguments[0]).utf8_to_string();
            var result = ((Func<string?, string?>)state)(text);
            if (result is null)
            {
                raw.sqlite3_result_null(context);
            }
            else
            {
                raw.sqlite3_result_text(context, result);
            }
        }
#pragma warning disable CA1031 // An exception must not cross into SQLite's native code: the statement fails with it instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            raw.sqlite3_result_error(context, e.Message);
        }
    }
}
