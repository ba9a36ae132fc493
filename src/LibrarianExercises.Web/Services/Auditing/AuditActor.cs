using System.Security.Claims;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Auditing;

/// <summary>Who is making the changes of this scope: the signed-in editor, or a process that says who it is.</summary>
public sealed record AuditIdentity(AuditActorKind Kind, string Name, string? Detail = null)
{
    public const string ImportName = "import";
    public const string CommandLineName = "command line";

    public static AuditIdentity CommandLine { get; } = new(AuditActorKind.CommandLine, CommandLineName);
}

/// <summary>
/// The actor for the audit trail, per scope. A request's actor is its signed-in editor; the importer and the
/// command-line verbs say who they are with <see cref="Use"/> for as long as they work.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private AuditIdentity? _override;

    public AuditIdentity Current => _override ?? FromRequest() ?? AuditIdentity.CommandLine;

    /// <summary>The signed-in editor's address, if any: the importer notes who ran it from the browser.</summary>
    public string? SignedInEditor =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name : null;

    /// <summary>Acts as <paramref name="identity"/> until the returned handle is disposed.</summary>
    public IDisposable Use(AuditIdentity identity)
    {
        var previous = _override;
        _override = identity;
        return new Restore(() => _override = previous);
    }

    private AuditIdentity? FromRequest() => SignedInEditor is { } editor ? new AuditIdentity(AuditActorKind.Editor, editor) : null;

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
