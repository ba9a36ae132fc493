using System.Globalization;
using System.Text;
using LibrarianExercises.Web.Areas.Admin.Models;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>An editor's own account: the password, and two-factor sign-in with an authenticator app (TOTP).</summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin/account")]
public sealed class AccountController(
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    AuditTrail audit,
    LibrarianDbContext db,
    IStringLocalizer<AdminText> text) : Controller
{
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View(new AccountViewModel(user.Email ?? "", await users.GetTwoFactorEnabledAsync(user), await users.CountRecoveryCodesAsync(user)));
    }

    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordForm());

    [HttpPost("password")]
    public async Task<IActionResult> Password(ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return Refused(View(form));
        }

        var user = await CurrentUserAsync();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword);
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? text["That is not your current password."] : error.Description);
            }

            return Refused(View(new ChangePasswordForm()));
        }

        await RecordAsync(AuditActions.PasswordChanged);
        // The security stamp changed: sign this session in again so that only the other sessions end.
        await signIn.RefreshSignInAsync(user);
        TempData["AdminStatus"] = text["Your password is changed. Your other sessions are signed out."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor() => View(await TwoFactorModelAsync(await CurrentUserAsync(), new EnableAuthenticatorForm(), null));

    /// <summary>Turns two-factor sign-in on once the editor proves their app has the key, and gives recovery codes.</summary>
    [HttpPost("two-factor")]
    public async Task<IActionResult> EnableTwoFactor([Bind(Prefix = "Form")] EnableAuthenticatorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentUserAsync();
        if (!ModelState.IsValid)
        {
            return Refused(View(nameof(TwoFactor), await TwoFactorModelAsync(user, form, null)));
        }

        var code = new string([.. form.Code!.Where(char.IsAsciiDigit)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Form.Code", text["That code is not right. Check that the app shows this site’s code, and type the one it shows now."]);
            return Refused(View(nameof(TwoFactor), await TwoFactorModelAsync(user, form, null)));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync(AuditActions.TwoFactorEnabled);
        return View(nameof(TwoFactor), await TwoFactorModelAsync(user, new EnableAuthenticatorForm(), codes));
    }

    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(TwoFactor));
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(AuditActions.RecoveryCodesRenewed);
        return View(nameof(TwoFactor), await TwoFactorModelAsync(user, new EnableAuthenticatorForm(), codes));
    }

    /// <summary>Turns two-factor sign-in off and forgets the key, so that turning it on again needs a new one.</summary>
    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await RecordAsync(AuditActions.TwoFactorDisabled);
        await signIn.RefreshSignInAsync(user);
        TempData["AdminStatus"] = text["Two-factor sign-in is off. Your password alone now signs you in."].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<TwoFactorViewModel> TwoFactorModelAsync(IdentityUser user, EnableAuthenticatorForm form, IReadOnlyList<string>? recoveryCodes)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var left = await users.CountRecoveryCodesAsync(user);
        if (enabled)
        {
            return new TwoFactorViewModel(true, left, null, null, recoveryCodes, form);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: renew this session's cookie, or the next request would sign out.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("10-Minute International Librarian")}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString("10-Minute International Librarian")}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorViewModel(false, left, Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png), null, form);
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    private async Task RecordAsync(string action)
    {
        var user = await CurrentUserAsync();
        audit.Record(AuditEntities.Editor, user.Email ?? user.Id, action);
        await db.SaveChangesAsync();
    }

    private async Task<IdentityUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in editor's account is gone.");

    private static ViewResult Refused(ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
