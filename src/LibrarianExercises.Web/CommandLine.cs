using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Data.Sqlite;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Copying;
using LibrarianExercises.Web.Services.Editors;
using LibrarianExercises.Web.Services.Importing;

namespace LibrarianExercises.Web;

/// <summary>
/// The program's verbs (<c>import</c>, <c>copy-database</c>, <c>add-editor</c>, <c>reset-password</c>, <c>remove-editor</c>): the same on
/// <c>dotnet run -- …</c> and on the published program. Without a verb the program serves the site.
/// </summary>
public static class CommandLine
{
    public static string? VerbOf(string[] args) =>
        args.Length > 0 && (args[0] is ImportCommand.Verb or CopyDatabaseCommand.Verb || EditorCommands.Verbs.Contains(args[0])) ? args[0] : null;

    /// <summary>A verb's arguments are not configuration (an absolute path would read as a "/switch"); settings are.</summary>
    public static string[] HostArguments(string[] args) => VerbOf(args) is null ? args : [.. args.Where(IsSetting)];

    /// <summary>A host setting given on the command line, such as <c>--ConnectionStrings:Library=…</c>.</summary>
    public static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// What a verb changes in the host before it is built: a quieter log, and for <c>import --dry-run</c> a copy of the
    /// database in memory (see <see cref="DryRunDatabase"/>) in place of the file.
    /// </summary>
    public static void ConfigureHost(WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var verb = VerbOf(args);
        if (verb is null)
        {
            return;
        }

        // A verb prints its own report; keep the log to what needs attention.
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        if (verb == ImportCommand.Verb && args.Contains(ImportCommand.DryRunOption)
            && LibraryDatabase.ProviderOf(builder.Configuration) == DatabaseProvider.Sqlite
            && builder.Configuration.GetConnectionString(LibraryDatabase.ConnectionStringName) is { } configured
            && SqliteLibraryDatabase.FileOf(configured, builder.Environment) is { } file)
        {
            var copy = DryRunDatabase.CopyOf(file);
            builder.Configuration["ConnectionStrings:" + LibraryDatabase.ConnectionStringName] = copy.ConnectionString;
            // Registered through a factory, so that the container disposes of it.
            builder.Services.AddSingleton(_ => copy);
        }
    }

    public static Task<int> RunAsync(IServiceProvider services, string[] args) => VerbOf(args) switch
    {
        ImportCommand.Verb => ImportCommand.RunAsync(services, args[1..], Console.OpenStandardInput(), Console.Out, Console.Error),
        CopyDatabaseCommand.Verb => CopyDatabaseCommand.RunAsync(services, args[1..], Console.Out, Console.Error),
        _ => EditorCommands.RunAsync(services, args[0], args[1..], Console.In, Console.Out, Console.Error),
    };
}
