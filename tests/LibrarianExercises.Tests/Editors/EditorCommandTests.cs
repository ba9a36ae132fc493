using System.Diagnostics;
using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Editors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Editors;

/// <summary>add-editor, reset-password and remove-editor, as an administrator runs them.</summary>
public sealed class EditorCommandTests : IAsyncLifetime
{
    private const string Password = "shelves of long forgotten maps";
    private readonly LibrarianAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Exit, string Output, string Errors)> RunAsync(string verb, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var reader = new StringReader(input);
        var exit = await EditorCommands.RunAsync(_app.Services, verb, args, reader, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task AnEditorAddedOnTheCommandLineSignsIn()
    {
        var (exit, output, _) = await RunAsync(EditorCommands.AddEditor, Password + "\n", "ana@example.org");
        Assert.Equal(0, exit);
        Assert.Contains("Editor ana@example.org added", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);

        using var session = EditorSession.Anonymous(_app);
        using var signedIn = await session.SignInAttemptAsync("ana@example.org", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == AuditEntities.Editor));
        Assert.Equal((AuditActorKind.CommandLine, "ana@example.org", AuditActions.Created), (entry.ActorKind, entry.EntityKey, entry.Action));
    }

    [Theory]
    [InlineData("short", "at least 12")]
    [InlineData("password1234", "attackers try")]
    [InlineData("aaaaaaaaaaaaaaaa", "attackers try")]
    [InlineData("1234567890123", "attackers try")]
    [InlineData("ana@example.org!", "e-mail address")]
    public async Task AWeakPasswordIsRefusedWithAClearMessageAndNoAccountIsMade(string password, string words)
    {
        var (exit, _, errors) = await RunAsync(EditorCommands.AddEditor, password + "\n", "ana@example.org");
        Assert.Equal(1, exit);
        Assert.Contains(words, errors, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was changed", errors, StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync()));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == AuditEntities.Editor)));
    }

    [Fact]
    public async Task ALongPassphraseWithoutDigitsOrSymbolsIsAccepted()
    {
        var (exit, _, errors) = await RunAsync(EditorCommands.AddEditor, "reading rooms open late on thursdays\n", "ana@example.org");
        Assert.True(exit == 0, errors);
    }

    [Fact]
    public async Task UsageMistakesExitWithTwo()
    {
        Assert.Equal(2, (await RunAsync(EditorCommands.AddEditor, Password + "\n")).Exit);
        Assert.Equal(2, (await RunAsync(EditorCommands.AddEditor, Password + "\n", "not-an-address")).Exit);
        Assert.Equal(2, (await RunAsync(EditorCommands.AddEditor, "", "ana@example.org")).Exit);
        Assert.Equal(2, (await RunAsync(EditorCommands.RemoveEditor, "", "a@example.org", "b@example.org")).Exit);
    }

    [Fact]
    public async Task AnUnknownAddressIsReportedForResetAndRemove()
    {
        var reset = await RunAsync(EditorCommands.ResetPassword, Password + "\n", "nobody@example.org");
        var remove = await RunAsync(EditorCommands.RemoveEditor, "", "nobody@example.org");
        Assert.Equal((1, 1), (reset.Exit, remove.Exit));
        Assert.Contains("no editor with the address nobody@example.org", reset.Errors, StringComparison.Ordinal);
        Assert.Contains("no editor with the address nobody@example.org", remove.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResettingAPasswordEndsALockoutAndTheOldPasswordNoLongerWorks()
    {
        await RunAsync(EditorCommands.AddEditor, Password + "\n", "ana@example.org");
        using var session = EditorSession.Anonymous(_app);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await session.SignInAttemptAsync("ana@example.org", "not the right phrase at all");
        }

        using (var locked = await session.SignInAttemptAsync("ana@example.org", Password))
        {
            Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        }

        const string NewPassword = "a new phrase for the new year";
        Assert.Equal(0, (await RunAsync(EditorCommands.ResetPassword, NewPassword + "\n", "ana@example.org")).Exit);
        using (var old = await session.SignInAttemptAsync("ana@example.org", Password))
        {
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        }

        using var signedIn = await session.SignInAttemptAsync("ana@example.org", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PasswordReset && a.EntityKey == "ana@example.org")));
    }

    [Fact]
    public async Task RemovingAnEditorEndsTheirSessionAndKeepsWhatTheyDidInTheAuditTrail()
    {
        using var editor = await EditorSession.SignInAsync(_app, "ana@example.org", Password);
        using (await editor.SubmitAsync("/admin/exercises/89/edit", "form[action='/admin/exercises/89/retire']", []))
        {
        }

        var (exit, output, _) = await RunAsync(EditorCommands.RemoveEditor, "", "ana@example.org");
        Assert.Equal(0, exit);
        Assert.Contains("stays in the audit trail", output, StringComparison.Ordinal);

        using var after = await editor.Client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        var trail = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Actor == "ana@example.org" || a.EntityKey == "ana@example.org").Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.Retired, trail);
        Assert.Contains(AuditActions.Removed, trail);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("ana@example.org"));
    }

    [Fact]
    public async Task ThePublishedProgramReadsThePasswordFromStandardInput()
    {
        var folder = Directory.CreateTempSubdirectory("librarian-editor-cli-");
        try
        {
            var database = Path.Combine(folder.FullName, "library.db");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "LibrarianExercises.Web.dll"), EditorCommands.AddEditor, "ana@example.org" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["ConnectionStrings__Library"] = "Data Source=" + database;
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync(Password);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await output + await errors);
            Assert.Contains("Editor ana@example.org added", await output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, await output + await errors, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
