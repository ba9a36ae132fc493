namespace LibrarianExercises.Web.Data;

/// <summary>
/// One change to the collection, written in the same transaction as the change itself. The actor is kept as text,
/// not as a link to an account, so that removing an editor never removes the record of what they did.
/// </summary>
public class AuditEntry
{
    public long Id { get; private set; }

    public DateTime WhenUtc { get; set; }

    public AuditActorKind ActorKind { get; set; }

    /// <summary>The editor's e-mail address, "import" or "command line".</summary>
    public required string Actor { get; set; }

    /// <summary>More about the actor: the imported file's name, or the editor who imported it.</summary>
    public string? Detail { get; set; }

    /// <summary>What was changed: <see cref="AuditEntities"/>.</summary>
    public required string EntityType { get; set; }

    /// <summary>Which one: an exercise or response number, an initiative code, an e-mail address.</summary>
    public required string EntityKey { get; set; }

    /// <summary>The exercise the change belongs to, for browsing the trail by exercise.</summary>
    public int? ExerciseNumber { get; set; }

    /// <summary>What was done: <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>The fields changed, with old and new values, as JSON (see <c>AuditTrail</c>).</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>Everything needed to bring a deleted response back, as JSON; cleared once it has been restored.</summary>
    public string? Snapshot { get; set; }

    /// <summary>When a deleted response was brought back from this entry.</summary>
    public DateTime? RestoredUtc { get; set; }
}

public enum AuditActorKind
{
    Editor = 0,
    Import = 1,
    CommandLine = 2,
}

public static class AuditEntities
{
    public const string Exercise = "exercise";
    public const string Response = "response";
    public const string Initiative = "initiative";
    public const string Editor = "editor";
}

public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Retired = "retired";
    public const string Reinstated = "reinstated";
    public const string ResponsesClosed = "responses-closed";
    public const string ResponsesOpened = "responses-opened";
    public const string MappingConfirmed = "mapping-confirmed";
    public const string MappingCorrected = "mapping-corrected";
    public const string Approved = "approved";
    public const string MarkedSpam = "marked-spam";
    public const string Deleted = "deleted";
    public const string Restored = "restored";
    public const string Named = "named";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string RecoveryCodesRenewed = "recovery-codes-renewed";
    public const string Removed = "removed";
}
