using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>
/// Absolute addresses on this site, from the configured public address and a path made by routing (Url.Action,
/// LinkGenerator). The request's Host header plays no part, so a forged one cannot change a link anyone is given.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly Uri _origin = SiteOptionsValidation.TryParse(options.Value.PublicUrl, out var origin, out var problem)
        ? origin!
        : throw new InvalidOperationException(problem);

    /// <summary>The site's root, ending in "/".</summary>
    public Uri Origin => _origin;

    /// <summary>The absolute form of a path on this site ("/exercises/89", "/tags/x?page=2").</summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected a path on this site, got \"{path}\".", nameof(path));
        }

        return _origin.GetLeftPart(UriPartial.Authority) + path;
    }
}
