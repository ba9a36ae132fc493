using System.Globalization;

namespace LibrarianExercises.Web.Services.Feeds;

/// <summary>The words feed readers show, in one place (pages keep theirs in their views).</summary>
public static class FeedWording
{
    public const string SiteName = "10-Minute International Librarian";

    public const string Author = "IFLA";

    public const string AllTitle = "Exercises – " + SiteName;

    public const string AllSubtitle = "Every exercise of IFLA's series “The 10-Minute International Librarian”, newest first.";

    public static string TagTitle(string tag) => $"Exercises tagged “{tag}” – {SiteName}";

    public static string TagSubtitle(string tag) => $"The exercises tagged “{tag}”, newest first.";

    public static string InitiativeTitle(string code, string name) =>
        name.Length > 0 ? $"Exercises serving Key Initiative {code}: {name} – {SiteName}" : $"Exercises serving Key Initiative {code} – {SiteName}";

    public static string InitiativeSubtitle(string code) =>
        $"The exercises that serve key initiative {code} of the IFLA Strategy, newest first.";

    public static string ResponsesTitle(int number, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"Responses to #{number}: {title} – {SiteName}");

    public static string ResponsesSubtitle(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"What librarians wrote about exercise #{number}, newest first.");

    public static string ExerciseTitle(int number, string title) => string.Create(CultureInfo.InvariantCulture, $"#{number}: {title}");

    public static string ResponseTitle(string name, int number) => string.Create(CultureInfo.InvariantCulture, $"{name} on #{number}");
}
