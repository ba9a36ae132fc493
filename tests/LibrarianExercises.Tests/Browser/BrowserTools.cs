using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>
/// Where the browser, the HTML checker and the screenshots are. Outside CI a missing tool skips its tests with a
/// message saying how to install it; under CI (CI=true) nothing is skipped, so a missing tool fails the run.
/// </summary>
internal static class BrowserTools
{
    public const string HtmlCheckerVersion = "26.9.27";

    public static bool UnderCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string HtmlCheckerJar =>
        Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } path
            ? path
            : Path.Combine(RepositoryRoot, ".tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("BROWSER_SCREENSHOTS") is { Length: > 0 } path
            ? path
            : Path.Combine(RepositoryRoot, "TestResults", "screenshots");

    /// <summary>A full-page screenshot under <see cref="ScreenshotFolder"/>, for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"The screenshot {path} is empty.");
    }

    public static string? ChromiumSkipReason =>
        UnderCi || File.Exists(ChromiumPath)
            ? null
            : $"Chromium was not found at {ChromiumPath}. Install it with `apt-get install -y chromium` (as root), " +
              "or set CHROMIUM_PATH; .ci/run installs it.";

    public static string? HtmlCheckerSkipReason =>
        UnderCi ? null
        : !File.Exists(HtmlCheckerJar)
            ? $"The Nu Html Checker was not found at {HtmlCheckerJar}. Install it with " +
              $"`npm install --no-save --ignore-scripts --prefix .tools/vnu vnu-jar@{HtmlCheckerVersion}` from the repository root, " +
              "or set VNU_JAR; .ci/run installs it."
        : !JavaFound
            ? "The Nu Html Checker needs Java, and no `java` is on the PATH: `apt-get install -y default-jre-headless`."
            : null;

    private static bool JavaFound =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "java")));

    /// <summary>The folder holding LibrarianExercises.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "LibrarianExercises.sln")))
                {
                    return folder.FullName;
                }
            }

            return Path.GetTempPath();
        }
    }
}

/// <summary>A test that needs Chromium: skipped with an install hint when it is missing, except under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = BrowserTools.ChromiumSkipReason;
    }
}

/// <summary>A theory that needs Chromium: skipped with an install hint when it is missing, except under CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        Skip = BrowserTools.ChromiumSkipReason;
    }
}

/// <summary>A test that needs Chromium and the Nu Html Checker: skipped when either is missing, except under CI.</summary>
public sealed class HtmlCheckerFactAttribute : FactAttribute
{
    public HtmlCheckerFactAttribute()
    {
        Skip = BrowserTools.ChromiumSkipReason ?? BrowserTools.HtmlCheckerSkipReason;
    }
}
