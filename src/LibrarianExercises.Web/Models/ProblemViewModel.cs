namespace LibrarianExercises.Web.Models;

/// <summary>What went wrong with a request, for the error page; the page holds the words.</summary>
public enum ProblemKind
{
    PageNotFound,
    ExerciseNotFound,
    TagNotFound,
    InitiativeNotFound,
    DirectionNotFound,
    MalformedExerciseNumber,
    MalformedTag,
    MalformedInitiativeCode,
    MalformedDirection,
    MalformedPage,
    PageOutOfRange,
    BadRequest,
    Forbidden,
    ServerError,
    ResponsesClosed,
    FormRejected,
    TooManyResponses,
    TooManyHeld,
    UnsupportedEncoding,
    MalformedResponseStatus,
    MalformedDate,
    DateRangeReversed,
    MalformedActor,
    MalformedAuditEntryNumber,
    AuditEntryNotFound,
    NothingToRestore,
    ResponseTooLarge,

    /// <summary>Another form (sign-in, say) was sent with far more than it takes.</summary>
    RequestTooLarge,
}

/// <param name="SubmittedText">What the visitor had typed, shown back so that a refusal never loses it.</param>
public sealed record ProblemViewModel(ProblemKind Problem, int StatusCode, string? Value = null, string? SubmittedText = null);
