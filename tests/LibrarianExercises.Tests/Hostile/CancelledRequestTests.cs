using System.Collections.Concurrent;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// A visitor or a probe that hangs up while the page is being made is no fault of the site: it must not fill the
/// error log (and the alerts read from it) with errors and server-error status codes.
/// </summary>
public sealed class CancelledRequestTests(CancelledRequestTests.HangingUpApp app) : IClassFixture<CancelledRequestTests.HangingUpApp>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises?initiative=3.2")]
    [InlineData("/exercises/89")]
    [InlineData("/tags")]
    [InlineData("/tags/community-engagement")]
    [InlineData("/strategy")]
    [InlineData("/strategy/3.2")]
    [InlineData("/no/such/page")]
    public async Task AClientThatHangsUpMidRequestIsNotLoggedAsAnErrorNorRecordedAsAServerError(string path)
    {
        var events = await app.HangUpDuringAsync(path);

        var errors = events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{e.Level}: {e.RenderMessage()} {e.Exception?.GetType().Name}").ToList();
        Assert.True(errors.Count == 0, "Logged for a request the client left: " + string.Join("; ", errors));
        var request = Assert.Single(events, e => e.Properties.ContainsKey("RequestPath") && e.Properties.ContainsKey("StatusCode"));
        Assert.Equal("499", request.Properties["StatusCode"].ToString());
        Assert.True(request.Level < LogEventLevel.Warning, $"The request was logged at {request.Level}.");
    }

    [Fact]
    public async Task TheSameRequestsStillLogTheirRealStatusWhenTheClientStays()
    {
        var events = await app.FetchAsync("/no/such/page");

        var request = Assert.Single(events, e => e.Properties.ContainsKey("RequestPath") && e.Properties.ContainsKey("StatusCode")
            && e.Properties["RequestPath"].ToString() == "\"/no/such/page\"");
        Assert.Equal("404", request.Properties["StatusCode"].ToString());
        Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Error);
    }

    /// <summary>
    /// The application with its request log captured, where a request carrying <see cref="HangUpHeader"/> is aborted
    /// by its client as soon as it arrives, as when a browser tab is closed or a probe times out.
    /// </summary>
    public sealed class HangingUpApp : IAsyncLifetime
    {
        public const string HangUpHeader = "X-Test-Hang-Up";

        private readonly LibrarianAppFactory _app = new();
        private readonly CapturingSink _sink = new();
        private readonly SemaphoreSlim _oneAtATime = new(1, 1);
        private WebApplicationFactory<Program> _host = null!;
        private TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task InitializeAsync()
        {
            _app.Settings["Serilog:MinimumLevel:Default"] = "Information";
            _host = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILogEventSink>(_sink);
                services.AddSingleton<IStartupFilter>(new HangUpFilter(() => _finished.TrySetResult()));
            }));
            _ = _host.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await _host.DisposeAsync();
            await _app.DisposeAsync();
            _oneAtATime.Dispose();
        }

        /// <summary>Sends the request, hangs up, waits until the site has finished with it, and returns what it logged.</summary>
        public async Task<IReadOnlyList<LogEvent>> HangUpDuringAsync(string path) => await SendAsync(path, hangUp: true);

        public async Task<IReadOnlyList<LogEvent>> FetchAsync(string path) => await SendAsync(path, hangUp: false);

        private async Task<IReadOnlyList<LogEvent>> SendAsync(string path, bool hangUp)
        {
            await _oneAtATime.WaitAsync();
            try
            {
                _finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _sink.Clear();
                using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                if (hangUp)
                {
                    request.Headers.Add(HangUpHeader, "1");
                }

                try
                {
                    using var response = await client.SendAsync(request);
                }
                catch (Exception e) when (hangUp && e is HttpRequestException or IOException or OperationCanceledException)
                {
                    // The client is the one that left: it gets no answer.
                }

                await _finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
                return _sink.Events;
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
    }

    private sealed class HangUpFilter(Action finished) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                try
                {
                    if (context.Request.Headers.ContainsKey(HangingUpApp.HangUpHeader))
                    {
                        context.Abort();
                    }

                    await nextMiddleware(context);
                }
                finally
                {
                    finished();
                }
            });
            next(app);
        };
    }

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public void Clear() => _events.Clear();
    }
}
