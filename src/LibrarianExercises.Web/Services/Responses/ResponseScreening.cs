using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>Why a response is kept back from the page. Stored with it for the moderator.</summary>
public static class HoldReasons
{
    public const string Honeypot = "honeypot-filled";
    public const string TooFast = "form-sent-too-fast";
    public const string TooOld = "form-too-old";
    public const string BadFormToken = "form-token-invalid";
    public const string OtherExercisesToken = "form-token-other-exercise";
    public const string ReusedFormToken = "form-token-reused";
    public const string TooManyLinks = "too-many-links";
    public const string ScreeningFailed = "screening-failed";
}

public sealed record ScreeningResult(ResponseStatus Status, string? Reason);

/// <summary>
/// Tells likely robots from people without losing the people: a suspicious response is kept as held or spam,
/// never dropped. A replayed or moved form token is held too: a person with two tabs open must not lose a response.
/// The clock is injected so that tests can control the form's age.
/// </summary>
public sealed class ResponseScreening(TimeProvider clock, IOptions<ResponseOptions> options, ResponseMarkdownRenderer markdown)
{
    private readonly ResponseOptions _options = options.Value;

    /// <param name="form">What the visitor sent.</param>
    /// <param name="ticket">The form's token as read, or null when it was missing or forged.</param>
    /// <param name="exerciseNumber">The exercise the response was posted to.</param>
    /// <param name="ticketUsedBefore">A response was already sent with this token.</param>
    public ScreeningResult Screen(ResponseForm form, FormTicket? ticket, int exerciseNumber, bool ticketUsedBefore)
    {
        var verdict = ScreenForm(form, ticket, exerciseNumber);
        return ticketUsedBefore ? AsReplay(verdict) : verdict;
    }

    /// <summary>
    /// What a response becomes once its form turns out to have been used for another: held as a replay, unless
    /// screening found a stronger reason already (spam, or a token that was never good for this exercise).
    /// </summary>
    public static ScreeningResult AsReplay(ScreeningResult verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Status == ResponseStatus.Spam || verdict.Reason is HoldReasons.BadFormToken or HoldReasons.OtherExercisesToken
            ? verdict
            : new ScreeningResult(ResponseStatus.Held, HoldReasons.ReusedFormToken);
    }

    private ScreeningResult ScreenForm(ResponseForm form, FormTicket? ticket, int exerciseNumber)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form.Website))
        {
            return new ScreeningResult(ResponseStatus.Spam, HoldReasons.Honeypot);
        }

        if (ticket is null)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.BadFormToken);
        }

        if (ticket.ExerciseNumber != exerciseNumber)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.OtherExercisesToken);
        }

        var age = clock.GetUtcNow() - ticket.IssuedAt;
        if (age < _options.MinimumFormAge)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.TooFast);
        }

        if (age > _options.MaximumFormAge)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.TooOld);
        }

        return markdown.CountLinks(form.Text ?? "") > _options.MaximumLinks
            ? new ScreeningResult(ResponseStatus.Held, HoldReasons.TooManyLinks)
            : new ScreeningResult(ResponseStatus.Published, null);
    }
}
