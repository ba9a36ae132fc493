using System.Diagnostics;
using System.Text.Json;

namespace LibrarianExercises.Tests.Browser;

/// <summary>The HTML of every page type, as served, through the Nu Html Checker (vnu.jar, run with the machine's Java).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HtmlValidityTests(BrowserFixture browser)
{
    // A page the checker must refuse: proof, in every run, that it ran and reads the files it was given.
    private const string Canary = "<!DOCTYPE html><html lang=\"en\"><head><title>canary</title></head><body><p><li>stray</li></body></html>";

    [HtmlCheckerFact]
    public async Task EveryPageTypeIsValidHtml()
    {
        Assert.True(File.Exists(BrowserTools.HtmlCheckerJar), $"The Nu Html Checker is missing at {BrowserTools.HtmlCheckerJar}; .ci/run installs it.");
        var folder = Directory.CreateTempSubdirectory("librarian-html-");
        try
        {
            foreach (var type in PageTypes.All)
            {
                await using var session = await browser.OpenAsync(javaScript: false);
                var response = await type.OpenAsync(browser, session.Page);
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, type.Name + ".html"), await response.TextAsync());
            }

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "canary.html"), Canary);

            // One Java start for all the pages: the checker takes seconds to start.
            var errors = await CheckAsync(folder.FullName);

            Assert.Contains(errors, e => e.StartsWith("canary ", StringComparison.Ordinal));
            Assert.True(
                errors.All(e => e.StartsWith("canary ", StringComparison.Ordinal)),
                "The Nu Html Checker found errors:\n" + string.Join("\n", errors.Where(e => !e.StartsWith("canary ", StringComparison.Ordinal))));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Every error the checker reports, as "page line N: message (extract)".</summary>
    private static async Task<List<string>> CheckAsync(string folder)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", BrowserTools.HtmlCheckerJar, "--format", "json", "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var file in Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            start.ArgumentList.Add(file);
        }

        using var checker = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var output = checker.StandardOutput.ReadToEndAsync();
        var diagnostics = checker.StandardError.ReadToEndAsync();
        await checker.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var json = await output;
        if (json.Length == 0)
        {
            throw new InvalidOperationException($"The Nu Html Checker gave no report (exit code {checker.ExitCode}): {await diagnostics}");
        }

        using var report = JsonDocument.Parse(json);
        var errors = new List<string>();
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var type = message.GetProperty("type").GetString();
            if (type is "info")
            {
                continue;
            }

            var page = message.TryGetProperty("url", out var url) ? Path.GetFileNameWithoutExtension(url.GetString()!.Split('/')[^1]) : "?";
            var line = message.TryGetProperty("lastLine", out var lastLine) ? lastLine.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
            var extract = message.TryGetProperty("extract", out var text) ? $" ({text.GetString()?.Trim()})" : "";
            errors.Add($"{page} line {line}: {message.GetProperty("message").GetString()}{extract}");
        }

        return errors;
    }
}
