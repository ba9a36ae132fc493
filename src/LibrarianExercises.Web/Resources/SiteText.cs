namespace LibrarianExercises.Web.Resources;

/// <summary>
/// The public interface's text: SiteText.resx holds it in English (each key is its English text), and
/// SiteText.{language}.resx in each other language. Views use it through the localizer "T".
/// </summary>
public sealed class SiteText;
