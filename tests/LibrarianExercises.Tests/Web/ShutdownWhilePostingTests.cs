using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// The site as deployed, stopped by the service manager's SIGTERM while visitors are posting responses: every post
/// it answered as stored is in the database after it exits, and stopping disposes nothing that is still in use.
/// </summary>
public sealed class ShutdownWhilePostingTests(ITestOutputHelper output)
{
    private const int Posters = 12;
    private const int AnsweredBeforeTheStop = 40;

    [UnixSignalFact]
    public async Task EveryPostAnsweredAsStoredIsStoredWhenTheSiteIsStoppedWhilePostsAreInFlight()
    {
        var folder = Directory.CreateTempSubdirectory("librarian-shutdown-posts-");
        try
        {
            var database = Path.Combine(folder.FullName, "library.db");
            var logs = Path.Combine(folder.FullName, "logs");
            var port = PublishedProgram.FreePort();
            var site = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(PublishedProgram.Path);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = site.ToString();
            start.Environment["Site__PublicUrl"] = site.ToString();
            start.Environment["ConnectionStrings__Library"] = "Data Source=" + database;
            start.Environment["Serilog__WriteTo__0__Args__configure__1__Args__path"] = Path.Combine(logs, "log-.txt");
            // As the benchmark runs it: posts as fast as a program sends them, none held for being quick or many.
            start.Environment["Responses__MinimumFormAge"] = "00:00:00";
            start.Environment["Responses__RateLimitPermits"] = "1000000";
            start.Environment["Responses__ClientRateLimitPermits"] = "1000000";
            start.Environment["Responses__HeldPerClientPerDay"] = "100000";
            using var process = Process.Start(start)!;
            var console = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                using (var probe = new HttpClient { BaseAddress = site })
                {
                    await PublishedProgram.WaitUntilServingAsync(probe, process);
                }

                // Posters that go on posting, each a visitor with its cookies, until the site no longer answers.
                var stored = new ConcurrentBag<string>();
                var answered = 0;
                var enoughAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var stopSent = 0;
                var inFlight = 0;
                var posting = Enumerable.Range(1, Posters).Select(poster => Task.Run(async () =>
                {
                    using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = site };
                    for (var i = 1; ; i++)
                    {
                        var name = $"Poster {poster} post {i}";
                        try
                        {
                            Interlocked.Increment(ref inFlight);
                            if (await PostAsync(client, name))
                            {
                                stored.Add(name);
                                if (Interlocked.Increment(ref answered) == AnsweredBeforeTheStop)
                                {
                                    enoughAnswered.TrySetResult();
                                }
                            }
                            else if (Volatile.Read(ref stopSent) == 0)
                            {
                                Assert.Fail($"{name} was not answered as stored while the site was running.");
                            }
                        }
                        catch (HttpRequestException) when (Volatile.Read(ref stopSent) == 1)
                        {
                            // The site has stopped taking requests: this post was never answered as stored.
                            return;
                        }
                        finally
                        {
                            Interlocked.Decrement(ref inFlight);
                        }
                    }
                })).ToList();

                await Task.WhenAny(enoughAnswered.Task, Task.WhenAll(posting));
                Assert.True(enoughAnswered.Task.IsCompleted, "The posters stopped before the site was stopped.");
                var inFlightAtTheStop = Volatile.Read(ref inFlight);
                Volatile.Write(ref stopSent, 1);
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await process.WaitForExitAsync(timeout.Token);
                await Task.WhenAll(posting);
                var said = await console + await errors;
                Assert.True(process.ExitCode == 0, said);

                var names = await StoredNamesAsync(database);
                output.WriteLine($"{stored.Count} posts answered as stored ({inFlightAtTheStop} in flight at the stop, {stored.Count - AnsweredBeforeTheStop} answered after it); {names.Count} responses in the database.");
                Assert.All(stored, name => Assert.Contains(name, names));
                var log = string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText));
                Assert.DoesNotContain(nameof(ObjectDisposedException), log, StringComparison.Ordinal);
                Assert.DoesNotContain(nameof(ObjectDisposedException), said, StringComparison.Ordinal);
                Assert.Contains("Application is shutting down", said, StringComparison.Ordinal);
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
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Loads the exercise page for its form and cookies, and posts a response: true when answered as stored (303).</summary>
    private static async Task<bool> PostAsync(HttpClient client, string name)
    {
        using var page = await client.GetAsync(new Uri("/exercises/89", UriKind.Relative));
        var document = await LibrarianAppFactory.ParseAsync(page);
        if (document.QuerySelector("form#response-form") is not IHtmlFormElement form)
        {
            return false;
        }

        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["Form.DisplayName"] = name;
        fields["Form.Text"] = $"Posted by {name} while the site was running.";
        using var content = new FormUrlEncodedContent(fields);
        using var posted = await client.PostAsync(new Uri("/exercises/89/responses", UriKind.Relative), content);
        return posted.StatusCode == HttpStatusCode.SeeOther;
    }

    private static async Task<HashSet<string>> StoredNamesAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT \"DisplayName\" FROM \"Responses\"";
        await using var reader = await query.ExecuteReaderAsync();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
