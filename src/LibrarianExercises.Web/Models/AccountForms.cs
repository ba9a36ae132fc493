using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Models;

public sealed class SignInForm
{
    /// <summary>
    /// The most a sign-in post may carry (an address, a password of up to 1,024 characters, the tokens): far more is
    /// refused with 413 before anything reads it, so that nobody can make the server hash megabytes.
    /// </summary>
    public const int MaxPostBytes = 16 * 1024;

    [Display(Name = "E-mail address")]
    [Required(ErrorMessage = "Please give your e-mail address.")]
    [StringLength(256, ErrorMessage = "An e-mail address is at most {1} characters long.")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    [Required(ErrorMessage = "Please give your password.")]
    [StringLength(1024, ErrorMessage = "That password is too long.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Keep me signed in on this device")]
    [ModelBinder<CheckBoxBinder>]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorSignInForm
{
    [Display(Name = "Code from your authenticator app")]
    [Required(ErrorMessage = "Please give the six-digit code your authenticator app shows.")]
    [StringLength(12, ErrorMessage = "The code is six digits.")]
    public string? Code { get; set; }

    [Display(Name = "Don’t ask for a code on this device for 30 days")]
    [ModelBinder<CheckBoxBinder>]
    public bool RememberDevice { get; set; }

    [ModelBinder<CheckBoxBinder>]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeSignInForm
{
    [Display(Name = "Recovery code")]
    [Required(ErrorMessage = "Please give one of your recovery codes.")]
    [StringLength(40, ErrorMessage = "That is not a recovery code.")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}
