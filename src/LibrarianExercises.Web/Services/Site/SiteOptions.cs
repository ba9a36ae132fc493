using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>
/// The "Site" configuration section. <see cref="PublicUrl"/> is the address visitors reach the site at: every
/// absolute link (canonical links, feeds, the sitemap, structured data) is built from it, never from the request's
/// Host header, which anyone can forge. Only in Development, and only while it is not set, do links follow the
/// address each request came to (<see cref="SiteUrls"/>).
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public const string PublicUrlSetting = SectionName + ":PublicUrl";

    /// <summary>
    /// What absolute links use outside Development when <see cref="PublicUrl"/> is not set (and, in Development, when
    /// there is no request to take an address from): the address <c>dotnet run</c> listens at.
    /// </summary>
    public const string DefaultPublicUrl = "http://localhost:5000";

    /// <summary>Scheme, host and port only, such as <c>https://exercises.example.org</c>; null when not set.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Whether the setting was given at all (an empty value counts as not given).</summary>
    public bool HasPublicUrl => !string.IsNullOrEmpty(PublicUrl);
}

/// <summary>
/// Checked at start: a public address that would make broken or foreign links stops the app, naming the setting; and
/// in Production, so does a missing one.
/// </summary>
internal sealed class SiteOptionsValidation(IHostEnvironment environment) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasPublicUrl)
        {
            // Links to localhost would be published in every page, feed and sitemap, and search engines would follow
            // them; the request's Host header cannot stand in, since cached pages would carry whatever one visitor sent.
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail($"{SiteOptions.PublicUrlSetting} is not set. In Production the site needs the address visitors reach it at, such as https://exercises.example.org, for its canonical links, feeds and sitemap: set it in appsettings.json, as the environment variable Site__PublicUrl or on the command line (--Site:PublicUrl=…).")
                : ValidateOptionsResult.Success;
        }

        return TryParse(options.PublicUrl, out _, out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem!);
    }

    /// <summary>An absolute http or https address of a site root, without user name, query or fragment.</summary>
    public static bool TryParse(string? text, out Uri? origin, out string? problem)
    {
        origin = null;
        problem = null;
        const string setting = SiteOptions.PublicUrlSetting;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            problem = $"{setting} must be an absolute address such as https://exercises.example.org; it is \"{text}\".";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"{setting} must start with http:// or https://; it is \"{text}\".";
        }
        else if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"{setting} must hold no user name, query or fragment; it is \"{text}\".";
        }
        else if (uri.AbsolutePath != "/")
        {
            problem = $"{setting} must be the root of a site, with no path (the app is served at the root); it is \"{text}\".";
        }
        else
        {
            origin = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        return problem is null;
    }
}
