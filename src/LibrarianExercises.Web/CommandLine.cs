using LibrarianExercises.Web.Services.Editors;
using LibrarianExercises.Web.Services.Importing;

namespace LibrarianExercises.Web;

/// <summary>
/// The program's verbs (<c>import</c>, <c>add-editor</c>, <c>reset-password</c>, <c>remove-editor</c>): the same on
/// <c>dotnet run -- …</c> and on the published program. Without a verb the program serves the site.
/// </summary>
public static class CommandLine
{
    public static string? VerbOf(string[] args) =>
        args.Length > 0 && (args[0] == ImportCommand.Verb || EditorCommands.Verbs.Contains(args[0])) ? args[0] : null;

    /// <summary>A verb's arguments are not configuration (an absolute path would read as a "/switch"); settings are.</summary>
    public static string[] HostArguments(string[] args) => VerbOf(args) is null ? args : [.. args.Where(IsSetting)];

    /// <summary>A host setting given on the command line, such as <c>--ConnectionStrings:Library=…</c>.</summary>
    public static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);

    public static Task<int> RunAsync(IServiceProvider services, string[] args) =>
        VerbOf(args) == ImportCommand.Verb
            ? ImportCommand.RunAsync(services, args[1..], Console.OpenStandardInput(), Console.Out, Console.Error)
            : EditorCommands.RunAsync(services, args[0], args[1..], Console.In, Console.Out, Console.Error);
}
