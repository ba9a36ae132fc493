using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>
/// The one place that writes responses, so that cache eviction, moderation and auditing have a single place to
/// hook in. A response is saved before anything else is done with it.
/// </summary>
public sealed class ResponseStore(LibrarianDbContext db, TimeProvider clock)
{
    public async Task<Response> AddAsync(int exerciseId, ResponseForm form, ScreeningResult screening, string? clientHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(screening);
        var response = new Response
        {
            ExerciseId = exerciseId,
            DisplayName = form.DisplayName!.Trim(),
            Organisation = string.IsNullOrWhiteSpace(form.Organisation) ? null : form.Organisation.Trim(),
            CountryCode = string.IsNullOrWhiteSpace(form.Country) ? null : form.Country,
            BodyMarkdown = form.Text!,
            DidExercise = form.DidExercise,
            Status = screening.Status,
            HoldReason = screening.Reason,
            ClientHash = clientHash,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Responses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}
