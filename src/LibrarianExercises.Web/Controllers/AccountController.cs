using LibrarianExercises.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

/// <summary>
/// Editors sign in and out here; there is no public sign-up (editors are made with <c>add-editor</c>). A wrong
/// password, an unknown address and a locked account get the same answer, so that the form tells an attacker
/// nothing about which addresses exist.
/// </summary>
[Route("/account")]
public sealed class AccountController(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    IPasswordHasher<IdentityUser> hasher,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.SiteText> text,
    ILogger<AccountController> logger) : Controller
{

    // Hashing a password for an unknown address takes as long as checking a real one.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// The form, or for someone already signed in, where signing in would have taken them: a stale bookmark or the
    /// footer's link must not ask an editor for a password they have given.
    /// </summary>
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => signIn.IsSignedIn(User)
        ? RedirectAfterSignIn(LocalOrNull(returnUrl))
        : View(new SignInForm { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("login")]
    [RequestSizeLimit(SignInForm.MaxPostBytes)]
    [RequestFormLimits(ValueLengthLimit = SignInForm.MaxPostBytes, MultipartBodyLengthLimit = SignInForm.MaxPostBytes)]
    [RefuseOversizePosts]
    public async Task<IActionResult> Login(SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return Refused(View(form));
        }

        // An address with a character no database can store (a NUL) belongs to no account.
        var user = StorableText.IsStorable(form.Email) ? await users.FindByEmailAsync(form.Email!.Trim()) : null;
        if (user is null)
        {
            hasher.VerifyHashedPassword(new IdentityUser(), DummyHash.Value, form.Password!);
            logger.LogWarning("Sign-in refused for an unknown address");
            return RefusedSignIn(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { form.ReturnUrl, form.RememberMe });
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("Sign-in refused for user {UserId} (locked out: {LockedOut})", user.Id, result.IsLockedOut);
            return RefusedSignIn(form);
        }

        logger.LogInformation("User {UserId} signed in", user.Id);
        return RedirectAfterSignIn(form.ReturnUrl);
    }

    [HttpGet("login/two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login), new { returnUrl = LocalOrNull(returnUrl) })
            : View(new TwoFactorSignInForm { ReturnUrl = LocalOrNull(returnUrl), RememberMe = rememberMe });

    [HttpPost("login/two-factor")]
    [RequestSizeLimit(SignInForm.MaxPostBytes)]
    [RequestFormLimits(ValueLengthLimit = SignInForm.MaxPostBytes, MultipartBodyLengthLimit = SignInForm.MaxPostBytes)]
    [RefuseOversizePosts]
    public async Task<IActionResult> TwoFactor(TwoFactorSignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { form.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return Refused(View(form));
        }

        var code = new string([.. form.Code!.Where(char.IsAsciiDigit)]);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, form.RememberDevice);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Code), text["That code is not right, or the account is locked for a while after too many attempts. Codes change every 30 seconds."]);
            return Refused(View(form));
        }

        return RedirectAfterSignIn(form.ReturnUrl);
    }

    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login), new { returnUrl = LocalOrNull(returnUrl) })
            : View(new RecoveryCodeSignInForm { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("login/recovery-code")]
    [RequestSizeLimit(SignInForm.MaxPostBytes)]
    [RequestFormLimits(ValueLengthLimit = SignInForm.MaxPostBytes, MultipartBodyLengthLimit = SignInForm.MaxPostBytes)]
    [RefuseOversizePosts]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeSignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { form.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return Refused(View(form));
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Replace(" ", "", StringComparison.Ordinal));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Code), text["That recovery code is not right, or it has been used already."]);
            return Refused(View(form));
        }

        return RedirectAfterSignIn(form.ReturnUrl);
    }

    [HttpPost("logout")]
    [RequestSizeLimit(SignInForm.MaxPostBytes)]
    [RequestFormLimits(ValueLengthLimit = SignInForm.MaxPostBytes, MultipartBodyLengthLimit = SignInForm.MaxPostBytes)]
    [RefuseOversizePosts]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(HomeController.Index), "Home");
    }

    private ViewResult RefusedSignIn(SignInForm form)
    {
        ModelState.AddModelError("", text["That e-mail address and password do not match an editor’s account, or the account is locked for a while after too many attempts."]);
        form.Password = null;
        return Refused(View(form));
    }

    private static ViewResult Refused(ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    private IActionResult RedirectAfterSignIn(string? returnUrl) =>
        returnUrl is not null ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Dashboard", new { area = Areas.Admin.AdminAreaConvention.AreaName });

    /// <summary>Only an address on this site: a sign-in link must not be able to send an editor elsewhere.</summary>
    private string? LocalOrNull(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
