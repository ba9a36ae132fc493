using System.Diagnostics;
using LibrarianExercises.Tests.Browser;

namespace LibrarianExercises.Tests.Api;

/// <summary>
/// Redocly's OpenAPI linter, run with the machine's Node.js from the copy .ci/run installs. Outside CI a missing copy
/// skips its test with a message saying how to install it; under CI (CI=true) it fails instead.
/// </summary>
internal static class OpenApiLinter
{
    public const string Version = "2.77.0";

    public static string CliPath =>
        Environment.GetEnvironmentVariable("REDOCLY_CLI") is { Length: > 0 } path
            ? path
            : Path.Combine(BrowserTools.RepositoryRoot, ".tools", "redocly", "node_modules", "@redocly", "cli", "bin", "cli.js");

    /// <summary>The rules, with the reason for each one relaxed.</summary>
    public static string ConfigPath => Path.Combine(BrowserTools.RepositoryRoot, "redocly.yaml");

    public static string? SkipReason =>
        BrowserTools.UnderCi ? null
        : !File.Exists(CliPath)
            ? $"Redocly's OpenAPI linter was not found at {CliPath}. Install it with " +
              $"`npm install --no-save --no-audit --no-fund --prefix .tools/redocly @redocly/cli@{Version}` from the repository root, " +
              "or set REDOCLY_CLI; .ci/run installs it."
        : !NodeFound
            ? "Redocly's OpenAPI linter needs Node.js, and no `node` is on the PATH: `apt-get install -y npm`."
            : null;

    private static bool NodeFound =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "node")));

    /// <summary>Lints a document with the repository's rules; the exit code is 0 only when nothing was found.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(string documentPath)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BrowserTools.RepositoryRoot,
        };
        foreach (var argument in new[] { CliPath, "lint", documentPath, "--config", ConfigPath, "--format", "stylish" })
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing leaves the machine: no usage report, no check for a newer version.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output) + (await errors));
    }
}

/// <summary>A test that needs the OpenAPI linter: skipped with an install hint when it is missing, except under CI.</summary>
public sealed class OpenApiLinterFactAttribute : FactAttribute
{
    public OpenApiLinterFactAttribute()
    {
        Skip = OpenApiLinter.SkipReason;
    }
}
