using System.ComponentModel.DataAnnotations;

namespace LibrarianExercises.Web.Areas.Admin.Models;

public sealed class ChangePasswordForm
{
    [Display(Name = "Current password")]
    [Required(ErrorMessage = "Please give your current password.")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "New password")]
    [Required(ErrorMessage = "Please choose a new password.")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Display(Name = "New password again")]
    [Required(ErrorMessage = "Please type the new password a second time.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public sealed class EnableAuthenticatorForm
{
    [Display(Name = "Code from your authenticator app")]
    [Required(ErrorMessage = "Please give the six-digit code your authenticator app shows.")]
    [StringLength(12, ErrorMessage = "The code is six digits.")]
    public string? Code { get; set; }
}

/// <param name="SharedKey">The key to type into the app, in groups of four.</param>
/// <param name="QrCodeDataUri">The same key as a QR code, a PNG data URI (no script, no other site).</param>
/// <param name="RecoveryCodes">Shown once, just after they are made.</param>
public sealed record TwoFactorViewModel(
    bool Enabled,
    int RecoveryCodesLeft,
    string? SharedKey,
    string? QrCodeDataUri,
    IReadOnlyList<string>? RecoveryCodes,
    EnableAuthenticatorForm Form);

public sealed record AccountViewModel(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft);
