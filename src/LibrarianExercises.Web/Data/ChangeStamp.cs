namespace LibrarianExercises.Web.Data;

/// <summary>
/// How often one process (a running site, a command-line import) has changed what the public pages show: a row per
/// writer, raised in the same transaction as each such change. A running site watches the other writers' rows to know
/// when its cached pages are out of date, without reading the data itself (see <c>Services/Caching/ChangeStamping</c>).
/// </summary>
public class ChangeStamp
{
    public const int WriterMaxLength = 32;

    /// <summary>The writer: a process, by an identifier it makes when it starts.</summary>
    public required string Writer { get; set; }

    /// <summary>Raised by one at every committed change the writer makes to what pages show.</summary>
    public long Version { get; set; }

    /// <summary>When it was last raised, so that the rows of writers long gone can be cleared away.</summary>
    public DateTime ChangedUtc { get; set; }
}
