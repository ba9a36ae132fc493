using LibrarianExercises.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LibrarianExercises.Web.Services.Editors;

/// <summary>Editors' accounts (ASP.NET Core Identity on the library's database), their sign-in cookie and policy.</summary>
public static class EditorRegistration
{
    /// <summary>The role an account needs to use <c>/admin</c>, and the policy that asks for it.</summary>
    public const string EditorRole = "Editor";

    public const string EditorPolicy = "Editor";

    public const string CookieName = "librarian-editor";

    /// <summary>Fixed so that a new release folder or container reads the keys the last one wrote.</summary>
    public const string DataProtectionApplicationName = "LibrarianExercises";

    public static IServiceCollection AddLibrarianEditors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys in the database by default, where every instance and every restart finds them; a folder if configured.
        var protection = services.AddDataProtection().SetApplicationName(DataProtectionApplicationName)
            // AES-256 in GCM mode for new keys: one authenticated cipher instead of CBC and a separate HMAC, on every
            // view of a page with the response form (its antiforgery and form tokens). Keys made before keep the
            // algorithm they were made with until they expire.
            .UseCryptographicAlgorithms(new Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.EncryptionAlgorithm.AES_256_GCM,
            });
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else
        {
            protection.PersistKeysToDbContext<LibrarianDbContext>();
        }

        // Where a certificate is configured, the keys are encrypted with it before they are stored.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Length over composition, as NIST SP 800-63B asks; EditorPasswordValidator refuses common and guessable ones.
                options.Password.RequiredLength = EditorPasswordValidator.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<LibrarianDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<EditorPasswordValidator>();

        var secureCookie = configuration.GetValue<bool?>("Editors:SecureCookie") ?? !environment.IsDevelopment();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A signed-in account without the editor role is refused with 403 and the error page, not sent in a loop
            // back to sign-in.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        }

        // Every signed-in request checks the account still exists with the same password: removing an editor or
        // resetting a password ends their sessions at once, not half an hour later.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(EditorRole));
        services.AddScoped<EditorAccounts>();
        return services;
    }
}
