using System.Text;
using System.Text.RegularExpressions;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary>Turns a line of plain text into Markdown that renders as exactly that text.</summary>
public static partial class MarkdownText
{
    // Only what starts inline Markdown in the exercise pipeline; '#', '&' and list markers matter in one place each.
    private const string InlineSpecials = "\\`*_[]<";

    public static string Escape(string line)
    {
        var builder = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (InlineSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        var escaped = EntityReference().Replace(builder.ToString(), "\\&");
        if (escaped.StartsWith('#'))
        {
            escaped = "\\" + escaped;
        }

        // Block markers only count at the start of a line: "1. ", "- ", "> " would become lists, headings or quotes,
        // and "~~~" a code fence ("```" is already escaped above).
        var ordered = OrderedListStart().Match(escaped);
        if (ordered.Success)
        {
            return escaped.Insert(ordered.Groups["marker"].Index, "\\");
        }

        return escaped.Length > 0 && escaped[0] is '-' or '+' or '=' or '>' or '~' ? "\\" + escaped : escaped;
    }

    [GeneratedRegex(@"&(?=#?[A-Za-z0-9]+;)")]
    private static partial Regex EntityReference();

    [GeneratedRegex(@"^\d{1,9}(?<marker>[.)])(?:\s|$)")]
    private static partial Regex OrderedListStart();
}
