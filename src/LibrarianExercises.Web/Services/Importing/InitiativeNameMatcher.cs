using System.Globalization;
using System.Text;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Importing;

/// <summary>
/// Decides whether a published initiative name disagrees with the initiative its code points to. Typos
/// ("Collections" for "Connections") and wording variants ("delivering" for "achieving") are tolerated; a name
/// that is another initiative's, or nothing like this one's, is a disagreement for an editor to look at.
/// </summary>
public sealed class InitiativeNameMatcher(IReadOnlyCollection<KeyInitiative> initiatives)
{
    private const double SameNameThreshold = 0.6;
    private const double ClearlyBetterMargin = 0.25;

    private static readonly HashSet<string> StopWords =
        ["a", "an", "and", "at", "for", "in", "of", "on", "our", "the", "to", "with"];

    public bool Disagrees(KeyInitiative coded, string publishedName)
    {
        var published = Words(publishedName);
        if (published.Count == 0)
        {
            return false;
        }

        var codedScore = coded.HasName ? Similarity(published, Words(coded.Name)) : 0;
        var bestOther = initiatives
            .Where(i => i.HasName && !ReferenceEquals(i, coded) && i.Code != coded.Code)
            .Select(i => Similarity(published, Words(i.Name)))
            .DefaultIfEmpty(0)
            .Max();

        if (!coded.HasName)
        {
            // Nothing to compare with, unless the name is plainly another initiative's.
            return bestOther >= SameNameThreshold;
        }

        return codedScore < SameNameThreshold || bestOther >= codedScore + ClearlyBetterMargin;
    }

    /// <summary>Dice coefficient over the sets of content words.</summary>
    private static double Similarity(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            Flush();
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0 && !StopWords.Contains(current.ToString()))
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }
    }
}
