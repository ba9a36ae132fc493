using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Feeds;

/// <summary>The words feed readers show, in the feed's language, in one place (pages keep theirs in their views).</summary>
public sealed class FeedWording(IStringLocalizer<SiteText> text, StrategyNames strategy)
{
    public const string Author = "IFLA";

    private string SiteName => text["10-Minute International Librarian"].Value;

    public string AllTitle => text["Exercises – {0}", SiteName].Value;

    public string AllSubtitle => text["Every exercise of IFLA's series “The 10-Minute International Librarian”, newest first."].Value;

    public string TagTitle(string tag) => text["Exercises tagged “{0}” – {1}", tag, SiteName].Value;

    public string TagSubtitle(string tag) => text["The exercises tagged “{0}”, newest first.", tag].Value;

    public string InitiativeTitle(string code, string name) => name.Length > 0
        ? text["Exercises serving Key Initiative {0}: {1} – {2}", code, strategy.Text(name), SiteName].Value
        : text["Exercises serving Key Initiative {0} – {1}", code, SiteName].Value;

    public string InitiativeSubtitle(string code) =>
        text["The exercises that serve key initiative {0} of the IFLA Strategy, newest first.", code].Value;

    public string ResponsesTitle(int number, string title) =>
        text["Responses to {0} – {1}", text.NumberAndTitleText(number, title), SiteName].Value;

    public string ResponsesSubtitle(int number) =>
        text["What librarians wrote about exercise {0}, newest first.", InterfaceMarkup.ExerciseName(number)].Value;

    public string ExerciseTitle(int number, string title) => text.NumberAndTitleText(number, title);

    public string ResponseTitle(string name, int number) => text["{0} on {1}", name, InterfaceMarkup.ExerciseName(number)].Value;
}
