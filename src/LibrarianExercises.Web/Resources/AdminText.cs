namespace LibrarianExercises.Web.Resources;

/// <summary>
/// The editors' pages' text, in English (AdminText.resx, each key its English text). It goes through the localizer
/// like the public interface's, so that a translation is a new AdminText.{language}.resx and no change of code.
/// </summary>
public sealed class AdminText;
