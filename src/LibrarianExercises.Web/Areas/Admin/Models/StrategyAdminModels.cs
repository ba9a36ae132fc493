using System.ComponentModel.DataAnnotations;
using LibrarianExercises.Web.Models;

namespace LibrarianExercises.Web.Areas.Admin.Models;

/// <summary>An initiative's name as an editor fills it in or corrects it; any script, one line.</summary>
/// <remarks>
/// The length is checked by the controller, not with [StringLength], which would give the field a maxlength: a
/// browser would then cut a pasted name short without a word.
/// </remarks>
public sealed class InitiativeNameForm
{
    [Display(Name = "Name")]
    [Required(ErrorMessage = "Please give the initiative’s name.")]
    public string? Name { get; set; }
}

public sealed record InitiativeNameViewModel(InitiativeRef Initiative, InitiativeNameForm Form);

/// <param name="Initiatives">The edition's initiatives, in order, for "correct to".</param>
public sealed record MappingReviewViewModel(StrategyReviewViewModel Review, IReadOnlyList<InitiativeRef> Initiatives);
