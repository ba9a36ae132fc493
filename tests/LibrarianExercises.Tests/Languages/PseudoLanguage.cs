using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Tests.Languages;

/// <summary>
/// A pseudo-language: every interface string the site asks for comes back accented and between ⟦ and ⟧, so that any
/// text a page shows outside those brackets was written without the localizer. A key missing from the English file
/// comes back as "MISSING KEY: …", untransformed, so that it is caught the same way.
/// </summary>
public sealed partial class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    /// <summary>Accents every Latin letter outside placeholders: "Post {0}" becomes "⟦Ƥőšţ {0}⟧".</summary>
    public static string Transform(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append(Open);
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(text))
        {
            Accent(result, text.AsSpan(at, placeholder.Index - at));
            result.Append(placeholder.Value);
            at = placeholder.Index + placeholder.Length;
        }

        Accent(result, text.AsSpan(at));
        return result.Append(Close).ToString();
    }

    private static void Accent(StringBuilder into, ReadOnlySpan<char> text)
    {
        const string plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string accented = "áƀčďéƒğĥíĵķĺɱńőƥǫŕšţůṽŵẋýžÁƁČĎÉƑĞĤÍĴĶĹṀŃŐƤǪŔŠŢŮṼŴẊÝŽ";
        foreach (var c in text)
        {
            var i = plain.IndexOf(c, StringComparison.Ordinal);
            into.Append(i < 0 ? c : accented[i]);
        }
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Pseudo(inner[name]);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Pseudo);

        private static LocalizedString Pseudo(LocalizedString found) => found.ResourceNotFound
            ? new LocalizedString(found.Name, "MISSING KEY: " + found.Name, resourceNotFound: true)
            : new LocalizedString(found.Name, Transform(found.Value));
    }
}
