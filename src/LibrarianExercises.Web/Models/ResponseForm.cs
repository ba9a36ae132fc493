using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Models;

/// <summary>What a visitor types into the response form. Messages are keys for the views' wording.</summary>
public sealed class ResponseForm
{
    public const int DisplayNameMaxLength = 80;
    public const int OrganisationMaxLength = 120;
    public const int TextMaxLength = 10_000;

    /// <summary>
    /// The largest body a valid response can need, and so the most the site reads of one: every field at its limit
    /// in characters of 4 bytes of UTF-8, each byte percent-encoded in 3, with 16 KB for the tokens and field names.
    /// </summary>
    public const int MaxPostBytes = ((DisplayNameMaxLength + OrganisationMaxLength + TextMaxLength) * 4 * 3) + (16 * 1024);

    [Display(Name = "Your name")]
    [Required(ErrorMessage = "Please give a name to show with your response.")]
    [StringLength(DisplayNameMaxLength, ErrorMessage = "Please keep your name to {1} characters or fewer.")]
    [StorableText(ErrorMessage = "Your name contains a character that cannot be stored (an invisible control character, shown as � in the field). Please remove it.")]
    public string? DisplayName { get; set; }

    [Display(Name = "Library or organisation (optional)")]
    [StringLength(OrganisationMaxLength, ErrorMessage = "Please keep the name of your library or organisation to {1} characters or fewer.")]
    [StorableText(ErrorMessage = "The name of your library or organisation contains a character that cannot be stored (an invisible control character, shown as � in the field). Please remove it.")]
    public string? Organisation { get; set; }

    [Display(Name = "Country (optional)")]
    public string? Country { get; set; }

    /// <summary>
    /// Line breaks arrive from browsers as CR LF but count as one character in the browser's own limit: kept as LF,
    /// so that a response the browser let through is not refused here for its line breaks.
    /// </summary>
    [Display(Name = "Your response")]
    [Required(ErrorMessage = "Please write your response.")]
    [StringLength(TextMaxLength, ErrorMessage = "Please keep your response to {1} characters or fewer.")]
    [StorableText(ErrorMessage = "Your response contains a character that cannot be stored (an invisible control character, shown as � in the text). Please remove it and send your response again.")]
    public string? Text
    {
        get;
        set => field = value?.ReplaceLineEndings("\n");
    }

    [Display(Name = "I did this exercise")]
    [ModelBinder<CheckBoxBinder>]
    public bool DidExercise { get; set; }

    /// <summary>The honeypot: people leave it empty (its label says so); form-filling robots do not.</summary>
    [Display(Name = "Leave this field empty")]
    public string? Website { get; set; }

    /// <summary>When the form was served, protected against tampering.</summary>
    public string? FormToken { get; set; }
}
