using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// The site as it is deployed: its own process on Kestrel, stopped by the service manager's SIGTERM. The background
/// log writer holds lines in memory; the lines of the last requests before the stop must still reach the file, and
/// the console gets the site's own lines but not one per request.
/// </summary>
public sealed class ShutdownLogTests
{
    [UnixSignalFact]
    public async Task TheLastRequestsBeforeAStopAreInTheLogFileAndNotOnTheConsole()
    {
        var folder = Directory.CreateTempSubdirectory("librarian-shutdown-");
        try
        {
            var port = PublishedProgram.FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LibrarianExercises.Web.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Site__PublicUrl"] = $"http://127.0.0.1:{port}";
            start.Environment["ConnectionStrings__Library"] = "Data Source=" + Path.Combine(folder.FullName, "library.db");
            start.Environment["Serilog__WriteTo__0__Args__configure__1__Args__path"] = Path.Combine(folder.FullName, "logs", "log-.txt");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await PublishedProgram.WaitUntilServingAsync(client, process);
                // Paths no page has, so that only these requests can have logged them.
                var last = Enumerable.Range(1, 5).Select(i => $"/no-such-page-{Guid.NewGuid():N}-{i}").ToList();
                foreach (var path in last)
                {
                    Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
                }

                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, await output + await errors);

                var file = Assert.Single(Directory.GetFiles(Path.Combine(folder.FullName, "logs")));
                var lines = await File.ReadAllTextAsync(file);
                Assert.All(last, path => Assert.Contains($"HTTP GET {path} responded 404", lines, StringComparison.Ordinal));

                // The console has the site's own lines, not one per request: writing those to a terminal or a journal,
                // a write of its own each, cost a cached page a seventh of its time.
                var console = await output;
                Assert.Contains("Application started", console, StringComparison.Ordinal);
                Assert.Contains("Application is shutting down", console, StringComparison.Ordinal);
                Assert.DoesNotContain("no-such-page", console, StringComparison.Ordinal);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>A test that stops a process with a Unix signal, as a service manager does: not run on Windows.</summary>
public sealed class UnixSignalFactAttribute : FactAttribute
{
    public UnixSignalFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs Unix signals (kill -TERM).";
        }
    }
}
