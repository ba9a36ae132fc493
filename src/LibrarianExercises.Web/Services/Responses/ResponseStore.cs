using System.Globalization;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Responses;

public enum ModerationAction
{
    Approve,
    MarkSpam,
    Delete,
}

/// <summary>
/// The one place that writes responses, so that cache eviction, moderation and auditing have a single place to
/// hook in. A visitor's response is saved before anything else is done with it; an editor's decision is saved
/// with its audit entry, and a deleted response keeps a snapshot there from which it can be restored.
/// </summary>
public sealed class ResponseStore(LibrarianDbContext db, AuditTrail audit, PageCache pages, StoredHtml html, WriteGate writes, ResponseCommits commits, TimeProvider clock)
{
    /// <returns>The stored response, and its place among the exercise's published responses when the commit could tell it.</returns>
    public async Task<(Response Response, int? Place)> AddAsync(ExerciseForResponse exercise, ResponseForm form, ScreeningResult screening, string? clientHash, string? formNonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(exercise);
        var response = new Response
        {
            ExerciseId = exercise.Id,
            DisplayName = form.DisplayName!.Trim(),
            Organisation = string.IsNullOrWhiteSpace(form.Organisation) ? null : form.Organisation.Trim(),
            CountryCode = string.IsNullOrWhiteSpace(form.Country) ? null : form.Country,
            BodyMarkdown = form.Text!,
            DidExercise = form.DidExercise,
            Status = screening.Status,
            HoldReason = screening.Reason,
            ClientHash = clientHash,
            FormNonce = formNonce,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Rendered once here, held or not, so that no page, feed or moderation queue renders it again.
        html.Render(response);
        // Committed before the visitor is answered: the 303 is only sent for a response that is stored. Posts arriving
        // together are committed together, and the pages of the published ones evicted once for them all.
        var place = await commits.CommitAsync(response, exercise.Number);
        return (response, place);
    }

    /// <summary>Applies one decision to several responses at once, all or none. Returns how many changed.</summary>
    public async Task<int> ModerateAsync(IReadOnlyCollection<int> ids, ModerationAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var responses = await db.Responses
            .Where(r => ids.Contains(r.Id))
            .Select(r => new { Response = r, r.Exercise.Number })
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var (response, number) in responses.Select(r => (r.Response, r.Number)))
        {
            var key = response.Id.ToString(CultureInfo.InvariantCulture);
            switch (action)
            {
                case ModerationAction.Delete:
                    audit.Record(AuditEntities.Response, key, AuditActions.Deleted, [new FieldChange("status", response.Status.ToString(), null)], number, AuditTrail.Serialize(ResponseSnapshot.Of(response)));
                    db.Responses.Remove(response);
                    changed++;
                    break;
                case ModerationAction.Approve or ModerationAction.MarkSpam:
                    var status = action == ModerationAction.Approve ? ResponseStatus.Published : ResponseStatus.Spam;
                    if (response.Status == status)
                    {
                        continue;
                    }

                    audit.Record(
                        AuditEntities.Response,
                        key,
                        action == ModerationAction.Approve ? AuditActions.Approved : AuditActions.MarkedSpam,
                        [new FieldChange("status", response.Status.ToString(), status.ToString())],
                        number);
                    response.Status = status;
                    changed++;
                    break;
            }
        }

        await writes.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        await pages.ResponsesChangedAsync(responses.Select(r => r.Number), cancellationToken);
        return changed;
    }

    /// <summary>Deletes spam older than <paramref name="retention"/>: nobody reviews it, and it only costs space.</summary>
    public Task<int> PurgeSpamAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - retention;
        return db.Responses.Where(r => r.Status == ResponseStatus.Spam && r.CreatedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Brings back a deleted response from its audit entry, with its own number and status.</summary>
    public async Task<RestoreOutcome> RestoreAsync(long auditEntryId, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.SingleOrDefaultAsync(a => a.Id == auditEntryId, cancellationToken);
        if (entry is not { EntityType: AuditEntities.Response, Action: AuditActions.Deleted })
        {
            return RestoreOutcome.NotFound;
        }

        if (entry.RestoredUtc is not null || entry.Snapshot is null || AuditTrail.Deserialize<ResponseSnapshot>(entry.Snapshot) is not { } snapshot)
        {
            return RestoreOutcome.AlreadyRestored;
        }

        if (!await db.Exercises.AnyAsync(e => e.Id == snapshot.ExerciseId, cancellationToken))
        {
            return RestoreOutcome.ExerciseGone;
        }

        var response = snapshot.ToResponse();
        html.Render(response);
        if (await db.Responses.AnyAsync(r => r.Id == snapshot.Id, cancellationToken))
        {
            return RestoreOutcome.AlreadyRestored;
        }

        db.Responses.Add(response);
        db.Entry(response).Property(r => r.Id).CurrentValue = snapshot.Id;
        entry.RestoredUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditEntities.Response, entry.EntityKey, AuditActions.Restored, [new FieldChange("status", null, snapshot.Status.ToString())], entry.ExerciseNumber);
        await writes.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        if (entry.ExerciseNumber is { } number)
        {
            await pages.ResponsesChangedAsync([number], cancellationToken);
        }

        return RestoreOutcome.Restored;
    }
}

public enum RestoreOutcome
{
    Restored,
    NotFound,
    AlreadyRestored,
    ExerciseGone,
}

/// <summary>Everything a response holds, kept in the audit trail when it is deleted.</summary>
internal sealed record ResponseSnapshot(
    int Id,
    int ExerciseId,
    string DisplayName,
    string? Organisation,
    string? CountryCode,
    string BodyMarkdown,
    bool DidExercise,
    ResponseStatus Status,
    string? HoldReason,
    string? ClientHash,
    DateTime CreatedUtc)
{
    public static ResponseSnapshot Of(Response r) =>
        new(r.Id, r.ExerciseId, r.DisplayName, r.Organisation, r.CountryCode, r.BodyMarkdown, r.DidExercise, r.Status, r.HoldReason, r.ClientHash, r.CreatedUtc);

    public Response ToResponse() => new()
    {
        ExerciseId = ExerciseId,
        DisplayName = DisplayName,
        Organisation = Organisation,
        CountryCode = CountryCode,
        BodyMarkdown = BodyMarkdown,
        DidExercise = DidExercise,
        Status = Status,
        HoldReason = HoldReason,
        ClientHash = ClientHash,
        CreatedUtc = CreatedUtc,
    };
}
