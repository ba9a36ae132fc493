using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// The shipped logging: the console and the rolling files sit behind Serilog's background writer, so that a request
/// never waits for a terminal or a disk, and the lines still reach the file. The console leaves out the line of each
/// request, which the file has.
/// </summary>
public sealed class RequestLogTests
{
    [Fact]
    public void TheConsoleAndTheFilesAreWrittenInTheBackground()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        var writeTo = settings.RootElement.GetProperty("Serilog").GetProperty("WriteTo");

        var only = Assert.Single(writeTo.EnumerateArray());
        Assert.Equal("Async", only.GetProperty("Name").GetString());
        var wrapped = only.GetProperty("Args").GetProperty("configure").EnumerateArray().ToList();
        Assert.Equal(["Logger", "File"], wrapped.Select(s => s.GetProperty("Name").GetString()));
        // The console behind a filter of its own (what it leaves out is tested in ShutdownLogTests).
        var console = wrapped[0].GetProperty("Args").GetProperty("configureLogger");
        Assert.Equal("Console", Assert.Single(console.GetProperty("WriteTo").EnumerateArray()).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task TheFileBehindTheBackgroundWriterGetsTheSitesLines()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"librarian-log-{Guid.NewGuid():N}");
        try
        {
            await using (var app = new LibrarianAppFactory())
            {
                app.Settings["Serilog:MinimumLevel:Default"] = "Information";
                app.LogFolder = folder;
                using var client = app.CreateClient();
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            }

            // A line the site logs as it starts on a new database: the wrapped file sink was configured and writes.
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Contains("Seeded the IFLA Strategy", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task InDevelopmentTheLogHasTheSitesLinesWithoutTheFrameworksDebugLines()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"librarian-log-{Guid.NewGuid():N}");
        try
        {
            // As `dotnet run` starts it: the Development environment, its own log levels.
            await using (var app = new LibrarianAppFactory { EnvironmentName = "Development", LogFolder = folder })
            {
                using var client = app.CreateClient();
                foreach (var language in new[] { "", "/ar", "/zh", "/fr", "/de", "/ru", "/es" })
                {
                    foreach (var path in new[] { "/", "/exercises", "/exercises/89", "/tags", "/strategy" })
                    {
                        using var response = await client.GetAsync(new Uri(language + path, UriKind.Relative));
                        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                    }
                }
            }

            var lines = await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(folder)));
            Assert.Contains(lines, l => l.Contains("Seeded the IFLA Strategy", StringComparison.Ordinal));
            // The localizer's lookups (one a text and language) and the host's own steps are Debug lines of the framework.
            Assert.DoesNotContain(lines, l => l.Contains("searched for", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("Hosting starting", StringComparison.Ordinal));
            // What is left for the console: start-up, the starting content; the files add a line per request.
            var requests = lines.Count(l => l.Contains("HTTP GET", StringComparison.Ordinal));
            Assert.Equal(35, requests);
            Assert.True(lines.Length - requests < 30, string.Join("\n", lines));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
