namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>Posts written the way the blog prints them, for tests that import more than the starting content.</summary>
public static class BlogText
{
    public const string StrategyLineOpening = "This idea relates to the IFLA Strategy! ";

    public static string Post(int number, string title, string task, string strategyLabel, params string[] extraParagraphs)
    {
        var ordinal = Ordinal(number);
        var paragraphs = string.Join("\n\n", extraParagraphs.DefaultIfEmpty("Libraries work best when they share what they learn."));
        return $"""
            The 10-Minute International Librarian #{number}: {title}

            {paragraphs}

            So for our {ordinal} 10-Minute International Librarian exercise, {task}.

            Let us know how it went in the comments below!

            Good luck!

            {"\u00A0"}

            {StrategyLineOpening}{strategyLabel}

            You can view all of our ideas using the #10MinuteInternationalLibrarian tag on this blog, and of course on IFLA’s Ideas Store! Do also share your ideas in the comments box.

            """;
    }

    public static string TagArchive(string tag, params string[] posts) =>
        $"Tag Archives: {tag}\n\n" + string.Join("\n", posts);

    public static string MonthArchive(string month, params string[] posts) =>
        $"Monthly Archives: {month}\n\n" + string.Join("\n", posts);

    /// <summary>An older-layout tag archive: heading, page counter, then excerpts (see <see cref="Excerpt"/>).</summary>
    public static string OlderTagArchive(string tag, int page, int pages, params string[] excerpts) =>
        $"Tag Archive for '{tag}'\n\nPage {page} of {pages}\n\n" + string.Join("", excerpts);

    /// <summary>A post as the older layout lists it: its title, one excerpt paragraph ending "[…]", "Read full post…".</summary>
    public static string Excerpt(int number, string title, string excerpt) =>
        $"The 10-Minute International Librarian #{number}: {title}\n\n{excerpt} […]\n\nRead full post…\n\n";

    /// <summary>A post as a newer-layout listing often prints its last one: cut off mid-word, before its pivot sentence.</summary>
    public static string CutOff(int number, string title, params string[] paragraphs) =>
        $"The 10-Minute International Librarian #{number}: {title}\n\n" + string.Join("\n\n", paragraphs) + "\n";

    /// <summary>A post of a sibling series ("The 10-Minute Library Advocate #12: …"), which is not an exercise of this one.</summary>
    public static string Sibling(string title, string text) => $"{title}\n\n{text}\n\nGood luck!\n\n";

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch
        {
            1 => $"{n}st",
            2 => $"{n}nd",
            3 => $"{n}rd",
            _ => $"{n}th",
        },
    };
}
