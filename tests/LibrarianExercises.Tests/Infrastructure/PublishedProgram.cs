using System.Diagnostics;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>The program as an operator runs it (<c>dotnet LibrarianExercises.Web.dll VERB …</c>), in a process of its own.</summary>
public static class PublishedProgram
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "LibrarianExercises.Web.dll");

    /// <summary>Runs the program in Production over <paramref name="database"/> (or the configured one when null).</summary>
    /// <returns>Its exit code, and what it wrote to standard output then standard error.</returns>
    public static async Task<(int Exit, string Output)> RunAsync(string workingDirectory, string? database, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (database is not null)
        {
            start.Environment["ConnectionStrings__Library"] = "Data Source=" + database;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
