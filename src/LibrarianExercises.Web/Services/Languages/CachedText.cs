using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// The interface's text, looked up once per language and key. The resource files do not change while the site runs,
/// but <see cref="System.Resources.ResourceManager"/> takes a lock and walks the culture's fallbacks on every lookup,
/// and a page asks for a hundred strings: under load the page threads queue for that lock.
/// </summary>
public sealed class CachedTextFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd(resourceSource, static (type, inner) => new CachedText(inner.Create(type)), resources);

    public IStringLocalizer Create(string baseName, string location) =>
        _byName.GetOrAdd((baseName, location), static (key, inner) => new CachedText(inner.Create(key.BaseName, key.Location)), resources);
}

/// <summary>One resource's strings, kept per user-interface culture as the resource manager first found them.</summary>
public sealed class CachedText(IStringLocalizer resources) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name] =>
        _strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, inner) => inner[key.Name], resources);

    /// <summary>Formatted as the resource manager's localizer formats: in the current culture.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
