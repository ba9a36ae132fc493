using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>Writes through the app's own stores, as editors and the response form do, for tests that need data.</summary>
public static class SiteData
{
    /// <summary>
    /// Takes the writers' turn, as a long moderation or stored-HTML pass would, until <paramref name="release"/>
    /// completes; returns the held turn once it is taken.
    /// </summary>
    public static async Task<Task> HoldTheWritersAsync(this LibrarianAppFactory app, Task release)
    {
        var gate = app.Services.GetRequiredService<WriteGate>();
        var taken = new TaskCompletionSource();
        var held = gate.RunAsync(async () =>
        {
            taken.SetResult();
            await release;
            return 0;
        }, CancellationToken.None);
        await taken.Task;
        return held;
    }

    /// <summary>Stores a response with the given status, as the form does after screening.</summary>
    public static async Task<int> AddResponseAsync(this LibrarianAppFactory app, int exercise, string text, ResponseStatus status = ResponseStatus.Published, string name = "Test Librarian")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibrarianDbContext>();
        var target = await db.Exercises.Where(e => e.Number == exercise).Select(e => new ExerciseForResponse(e.Id, e.Number, e.ResponsesOpen)).SingleAsync();
        var form = new ResponseForm { DisplayName = name, Text = text };
        var screening = new ScreeningResult(status, status == ResponseStatus.Published ? null : "test");
        var (response, _) = await scope.ServiceProvider.GetRequiredService<ResponseStore>().AddAsync(target, form, screening, null, null, CancellationToken.None);
        return response.Id;
    }

    public static async Task ModerateAsync(this LibrarianAppFactory app, int responseId, ModerationAction action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResponseStore>().ModerateAsync([responseId], action, CancellationToken.None);
    }

    /// <summary>Brings a deleted response back from its audit entry, as an editor does.</summary>
    public static async Task RestoreAsync(this LibrarianAppFactory app, int responseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var key = responseId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await scope.ServiceProvider.GetRequiredService<LibrarianDbContext>().AuditEntries
            .Where(a => a.EntityType == AuditEntities.Response && a.EntityKey == key && a.Action == AuditActions.Deleted && a.RestoredUtc == null)
            .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
        Assert.Equal(RestoreOutcome.Restored, await scope.ServiceProvider.GetRequiredService<ResponseStore>().RestoreAsync(entry, CancellationToken.None));
    }

    public static async Task CreateExerciseAsync(this LibrarianAppFactory app, int number, string title, string text, DateOnly? publishedOn = null, string[]? tags = null, string[]? initiatives = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ExerciseStore>().CreateAsync(
            new ExerciseDraft(number, title, text, tags ?? [], initiatives ?? [], publishedOn, null), CancellationToken.None);
        Assert.Equal(ExerciseEditOutcome.Saved, outcome);
    }

    public static async Task ChangeExerciseAsync(this LibrarianAppFactory app, Func<ExerciseStore, Task<ExerciseEditOutcome>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(ExerciseEditOutcome.Saved, await change(scope.ServiceProvider.GetRequiredService<ExerciseStore>()));
    }
}
