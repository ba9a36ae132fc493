using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>
/// The "Site" configuration section. <see cref="PublicUrl"/> is the address visitors reach the site at: every
/// absolute link (canonical links, feeds, the sitemap, structured data) is built from it, never from the request's
/// Host header, which anyone can forge.
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The default for a local run (<c>dotnet run</c> listens there).</summary>
    public const string DefaultPublicUrl = "http://localhost:5000";

    /// <summary>Scheme, host and port only, such as <c>https://exercises.example.org</c>.</summary>
    public string PublicUrl { get; set; } = DefaultPublicUrl;
}

/// <summary>Checked at start: a public address that would make broken or foreign links stops the app, naming the setting.</summary>
internal sealed class SiteOptionsValidation : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TryParse(options.PublicUrl, out _, out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem!);
    }

    /// <summary>An absolute http or https address of a site root, without user name, query or fragment.</summary>
    public static bool TryParse(string? text, out Uri? origin, out string? problem)
    {
        origin = null;
        problem = null;
        const string setting = SiteOptions.SectionName + ":PublicUrl";
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
