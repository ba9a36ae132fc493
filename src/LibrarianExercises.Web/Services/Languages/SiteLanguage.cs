using System.Globalization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>One of the languages the interface is written in.</summary>
/// <param name="Code">The address prefix and the <c>lang</c>/<c>hreflang</c> value ("fr").</param>
/// <param name="NativeName">The language's name in itself, as the language switcher shows it.</param>
public sealed record SiteLanguage(string Code, string NativeName)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Code);

    public bool IsRightToLeft => Culture.TextInfo.IsRightToLeft;

    public string Direction => IsRightToLeft ? "rtl" : "ltr";

    /// <summary>English is the site's own language: its pages keep the addresses they had before there were others.</summary>
    public bool IsDefault => Code == SiteLanguages.Default.Code;
}

/// <summary>IFLA's seven working languages, English first.</summary>
public static class SiteLanguages
{
    public static readonly SiteLanguage Default = new("en", "English");

    public static readonly IReadOnlyList<SiteLanguage> All =
    [
        Default,
        new("ar", "العربية"),
        new("zh", "中文"),
        new("fr", "Français"),
        new("de", "Deutsch"),
        new("ru", "Русский"),
        new("es", "Español"),
    ];

    public static SiteLanguage? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language the interface is being written in on this request (the current UI culture's).</summary>
    public static SiteLanguage Current => Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? Default;
}
