using System.Text.Json;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Responses;

namespace LibrarianExercises.Web.Areas.Admin.Models;

/// <summary>Why a decision could not be taken; the page holds the words.</summary>
public enum ModerationProblem
{
    NothingSelected,
    MalformedSelection,
    UnknownDecision,
}

/// <summary>
/// What a decision did, carried across the redirect to the queue: how many responses changed, how many already
/// had that status, how many were gone, and the audit entries from which deleted ones can be restored.
/// </summary>
public sealed record ModerationNotice(ModerationAction Decision, int Changed, int Unchanged, int Missing, IReadOnlyList<long> RestoreFrom)
{
    private const string TempDataKey = "ModerationNotice";

    public void Keep(Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[TempDataKey] = JsonSerializer.Serialize(this);
    }

    public static ModerationNotice? Take(Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData[TempDataKey] is not string json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModerationNotice>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The moderation queue: one page of responses with one filter, and what the last decision did.</summary>
/// <param name="Status">The filter as written in the address (<c>held</c>, <c>spam</c>, <c>published</c>), or null for the default.</param>
/// <param name="Selected">The responses that were ticked when a decision was refused, ticked again.</param>
public sealed record ModerationQueueViewModel(
    PagedList<ModerationItem> Queue,
    ModerationFilter Filter,
    string? Status,
    ModerationNotice? Notice = null,
    ModerationProblem? Problem = null,
    IReadOnlyCollection<int>? Selected = null)
{
    public bool IsSelected(int id) => Selected?.Contains(id) == true;
}
