using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Editors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OtpNet;

namespace LibrarianExercises.Tests.Editors;

public sealed class AccountSecurityTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheSignInCookieIsHttpOnlySameSiteLaxAndSecure()
    {
        await EditorSession.AddEditorAsync(_app);
        using var session = EditorSession.Anonymous(_app);
        using var response = await session.SignInAttemptAsync(EditorSession.DefaultEmail, EditorSession.DefaultPassword);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("librarian-editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        await EditorSession.AddEditorAsync(_app);
        using var session = EditorSession.Anonymous(_app);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await session.SignInAttemptAsync(EditorSession.DefaultEmail, "not the right phrase at all");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var locked = await session.SignInAttemptAsync(EditorSession.DefaultEmail, EditorSession.DefaultPassword);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(locked);
        Assert.Contains("locked for a while", page.QuerySelector("#form-errors")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInReturnsOnlyToAddressesOnThisSite()
    {
        await EditorSession.AddEditorAsync(_app);
        using var session = EditorSession.Anonymous(_app);
        using var response = await session.SubmitAsync(
            "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F",
            "form.account-form",
            new() { ["Email"] = EditorSession.DefaultEmail, ["Password"] = EditorSession.DefaultPassword, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        using var signedOut = await editor.SubmitAsync("/admin", "nav.admin-nav form", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await editor.Client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task AnEditorTurnsOnTwoFactorSignInAndThenNeedsTheAppsCode()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var setup = await editor.GetDocumentAsync("/admin/account/two-factor");
        var key = setup.QuerySelector("code.shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr-code")?.GetAttribute("src"), StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));

        using (var wrong = await editor.SubmitAsync("/admin/account/two-factor", "form.account-form", new() { ["Form.Code"] = "000000" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var enabled = await editor.SubmitAsync("/admin/account/two-factor", "form.account-form", new() { ["Form.Code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await LibrarianAppFactory.ParseAsync(enabled)).QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await editor.FetchAsync("/admin/account")).Status);
        Assert.Contains("On", (await editor.GetDocumentAsync("/admin/account")).QuerySelector(".two-factor-status")?.TextContent, StringComparison.Ordinal);

        using var again = EditorSession.Anonymous(_app);
        using var password = await again.SignInAttemptAsync(EditorSession.DefaultEmail, EditorSession.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using (var notYet = await again.Client.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        }

        using var code = await again.SubmitAsync(password.Headers.Location!.OriginalString, "form.account-form", new() { ["Code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.FetchAsync("/admin")).Status);

        using var third = EditorSession.Anonymous(_app);
        using (await third.SignInAttemptAsync(EditorSession.DefaultEmail, EditorSession.DefaultPassword))
        {
        }

        using var recovered = await third.SubmitAsync("/account/login/recovery-code", "form.account-form", new() { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorEnabled && a.Actor == EditorSession.DefaultEmail)));
    }

    [Fact]
    public async Task AChangedPasswordIsCheckedByTheSameRulesAndAudited()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        using (var weak = await editor.SubmitAsync("/admin/account/password", "form.account-form", new()
        {
            ["CurrentPassword"] = EditorSession.DefaultPassword,
            ["NewPassword"] = "password1234",
            ["ConfirmPassword"] = "password1234",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
            Assert.Contains("attackers try", (await LibrarianAppFactory.ParseAsync(weak)).QuerySelector("#NewPassword-error")?.TextContent, StringComparison.Ordinal);
        }

        using var changed = await editor.SubmitAsync("/admin/account/password", "form.account-form", new()
        {
            ["CurrentPassword"] = EditorSession.DefaultPassword,
            ["NewPassword"] = "an entirely different phrase",
            ["ConfirmPassword"] = "an entirely different phrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.FetchAsync("/admin")).Status);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PasswordChanged)));
    }

    [Fact]
    public async Task KeysLiveInTheDatabaseUnderAFixedApplicationNameSoARestartSignsNobodyOut()
    {
        await using var first = LibrarianAppFactory.WithDatabaseFile();
        await EditorSession.AddEditorAsync(first);
        using var session = EditorSession.Anonymous(first);
        using var signedIn = await session.SignInAttemptAsync(EditorSession.DefaultEmail, EditorSession.DefaultPassword);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("librarian-editor=", StringComparison.Ordinal)).Split(';')[0];
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.Equal(EditorRegistration.DataProtectionApplicationName, first.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
        Assert.IsType<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.EntityFrameworkCoreXmlRepository<LibrarianDbContext>>(
            first.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository);

        // A second host over the same database, as after a restart or on another instance.
        await using var second = new LibrarianAppFactory();
        second.Settings["ConnectionStrings:Library"] = first.ConnectionString;
        using var client = EditorSession.CreateClient(second);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class KeyProtectionTests
{
    [Fact]
    public async Task NewKeysUseAes256InGcmModeAndTheTokensMadeWithThemWork()
    {
        await using var app = new LibrarianAppFactory();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/exercises/89", UriKind.Relative))).StatusCode);

        var key = Assert.Single(await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
        Assert.Contains("<encryption algorithm=\"AES_256_GCM\"", key, StringComparison.Ordinal);
        // GCM authenticates as it encrypts: no separate validation algorithm.
        Assert.DoesNotContain("<validation", key, StringComparison.Ordinal);
        var protector = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("round trip", Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(
            protector, Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(protector, "round trip")));
    }

    [Fact]
    public async Task WithACertificateConfiguredTheStoredKeysAreEncrypted()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=LibrarianExercises keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"librarian-keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "secret"));
        try
        {
            await using var app = new LibrarianAppFactory();
            app.Settings["DataProtection:CertificatePath"] = path;
            app.Settings["DataProtection:CertificatePassword"] = "secret";
            using (var page = await app.CreateBrowserlessClient().GetAsync(new Uri("/exercises/89", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            var key = Assert.Single(keys);
            Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
