using System.Diagnostics;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>The program as an operator runs it (<c>dotnet LibrarianExercises.Web.dll VERB …</c>), in a process of its own.</summary>
public static class PublishedProgram
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "LibrarianExercises.Web.dll");

    /// <summary>Runs the program in Production over a test's database.</summary>
    /// <returns>Its exit code, and what it wrote to standard output then standard error.</returns>
    public static Task<(int Exit, string Output)> RunAsync(string workingDirectory, TestDatabase database, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        return RunAsync(workingDirectory, database.Settings, args);
    }

    /// <summary>Runs the program in Production over the SQLite file <paramref name="database"/> (or the configured one when null).</summary>
    /// <returns>Its exit code, and what it wrote to standard output then standard error.</returns>
    public static Task<(int Exit, string Output)> RunAsync(string workingDirectory, string? database, params string[] args) =>
        RunAsync(workingDirectory, database is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ConnectionStrings:Library"] = "Data Source=" + database }, args);

    private static async Task<(int Exit, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
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

    /// <summary>A port free on the loopback interface, for a program started to serve.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the started program answers on <paramref name="client"/>'s address, for a minute at most.</summary>
    public static async Task WaitUntilServingAsync(HttpClient client, Process process)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(process);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("The site did not start serving within a minute.");
    }
}
