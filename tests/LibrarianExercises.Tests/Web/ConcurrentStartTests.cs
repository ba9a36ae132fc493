using System.Diagnostics;
using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// Two instances of the published program started at once on a new, empty database, as a deployment of two
/// instances does: both migrate, seed and make the instance secrets safely, both serve, and the database holds the
/// starting content once.
/// </summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task TwoProcessesStartingTogetherOnAnEmptyDatabaseBothServeAndSeedItOnce()
    {
        using var database = TestDatabase.CreateEmpty();
        var folder = Directory.CreateTempSubdirectory("librarian-concurrent-start-");
        var processes = new List<(Process Process, Uri Site, Task<string> Output)>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                processes.Add(Start(database, Path.Combine(folder.FullName, $"logs-{i}")));
            }

            foreach (var (process, site, _) in processes)
            {
                using var client = new HttpClient { BaseAddress = site };
                await PublishedProgram.WaitUntilServingAsync(client, process);
                using var home = await client.GetAsync(new Uri("/exercises/89", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            }

            await using var app = new LibrarianAppFactory(database, ownsDatabase: false);
            Assert.Equal(1, await app.WithDbAsync(db => db.StrategyVersions.CountAsync()));
            Assert.Equal(3, await app.WithDbAsync(db => db.Exercises.CountAsync()));
            Assert.Equal(InstanceSecret.All.Count, await app.WithDbAsync(db => db.InstanceSecrets.CountAsync()));
        }
        finally
        {
            // Every process stopped before anything is asserted, so that a failure leaves none running.
            foreach (var (process, _, _) in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
            }

            folder.Delete(recursive: true);
        }

        foreach (var (process, _, output) in processes)
        {
            var console = await output;
            process.Dispose();
            // Nothing alarming either: no error line, such as a failed command another start made fail.
            Assert.DoesNotContain(" ERR]", console, StringComparison.Ordinal);
            Assert.DoesNotContain(" FTL]", console, StringComparison.Ordinal);
        }
    }

    private static (Process, Uri, Task<string>) Start(TestDatabase database, string logs)
    {
        var site = new Uri($"http://127.0.0.1:{PublishedProgram.FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(PublishedProgram.Path);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = site.ToString();
        start.Environment["Site__PublicUrl"] = site.ToString();
        start.Environment["Serilog__WriteTo__0__Args__configure__1__Args__path"] = Path.Combine(logs, "log-.txt");
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        return (process, site, Task.WhenAll(output, errors).ContinueWith(t => string.Concat(t.Result), TaskScheduler.Default));
    }
}
