using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>
/// Absolute addresses on this site, from the site's public address and a path made by routing (Url.Action,
/// LinkGenerator). The public address is <c>Site:PublicUrl</c>; the request's Host header plays no part, so a forged
/// one cannot change a link anyone is given. Only in Development and only while the setting is not given do links
/// follow the address each request came to, so that <c>dotnet run --urls http://localhost:5099</c> links to itself.
/// </summary>
public sealed partial class SiteUrls
{
    private readonly Uri? _origin;
    private readonly IHttpContextAccessor _requests;
    private readonly IHostEnvironment _environment;
    private readonly bool _configured;

    public SiteUrls(IOptions<SiteOptions> options, IHostEnvironment environment, IHttpContextAccessor requests)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _requests = requests;
        _environment = environment;
        _configured = options.Value.HasPublicUrl;
        if (_configured)
        {
            _origin = SiteOptionsValidation.TryParse(options.Value.PublicUrl, out var origin, out var problem)
                ? origin!
                : throw new InvalidOperationException(problem);
        }
        else if (!environment.IsDevelopment())
        {
            _origin = new Uri(SiteOptions.DefaultPublicUrl + "/");
        }
    }

    /// <summary>Whether links follow the address each request came to: in Development, without <c>Site:PublicUrl</c>.</summary>
    public bool FollowRequests => _origin is null;

    /// <summary>The absolute form of a path on this site ("/exercises/89", "/tags/x?page=2").</summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected a path on this site, got \"{path}\".", nameof(path));
        }

        return Authority() + path;
    }

    /// <summary>Scheme, host and port, without the final "/".</summary>
    private string Authority()
    {
        if (_origin is not null)
        {
            return _origin.GetLeftPart(UriPartial.Authority);
        }

        var request = _requests.HttpContext?.Request;
        return request is { Host.HasValue: true }
            ? request.Scheme + "://" + request.Host.ToUriComponent()
            : SiteOptions.DefaultPublicUrl;
    }

    /// <summary>Says at start where absolute links point when <c>Site:PublicUrl</c> is not set.</summary>
    public void ReportAtStart(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (FollowRequests)
        {
            LogFollowingRequests(logger);
        }
        else if (!_configured && !_environment.IsProduction())
        {
            // Production does not get here: it refuses to start without the setting (SiteOptionsValidation).
            LogDefaultOutsideDevelopment(logger, _environment.EnvironmentName, SiteOptions.DefaultPublicUrl);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site:PublicUrl is not set: in Development, canonical links, feeds and the sitemap use the address each request came to. A deployment needs it set (in Production the site does not start without it)")]
    private static partial void LogFollowingRequests(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site:PublicUrl is not set ({EnvironmentName}): canonical links, feeds and the sitemap point to {DefaultPublicUrl}. Production needs it set to the address visitors reach the site at, such as https://exercises.example.org, and does not start without it")]
    private static partial void LogDefaultOutsideDevelopment(ILogger logger, string environmentName, string defaultPublicUrl);
}
