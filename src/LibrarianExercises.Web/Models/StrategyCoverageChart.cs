namespace LibrarianExercises.Web.Models;

/// <summary>
/// The coverage chart on /strategy: a list of the key initiatives, each with its name and count as text and a bar
/// drawn as a small SVG whose view box is <see cref="TrackLength"/> units long and stretches to the width the page
/// gives it. The page's policy forbids inline styles, so a bar's length cannot be a style; it is a rectangle's width
/// in those units. SVG coordinates run left to right whatever the page's direction, so a right-to-left page gets the
/// rectangle placed at the far end: its bars then grow from the right, as the text beside them reads.
/// </summary>
public sealed class StrategyCoverageChart
{
    /// <summary>The length of a bar's track in the units of its SVG's view box.</summary>
    public const int TrackLength = 1000;

    /// <summary>The shortest bar of an initiative that has exercises, so that one exercise among hundreds still shows.</summary>
    public const int ShortestBar = 8;

    private StrategyCoverageChart(int most, IReadOnlyList<ChartDirection> directions)
    {
        MostExercises = most;
        Directions = directions;
    }

    /// <summary>The count the longest bar stands for.</summary>
    public int MostExercises { get; }

    public IReadOnlyList<ChartDirection> Directions { get; }

    public static StrategyCoverageChart Create(IReadOnlyList<DirectionCoverage> directions, bool rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(directions);
        var most = directions.SelectMany(d => d.Initiatives).Select(i => i.ExerciseCount).DefaultIfEmpty(0).Max();
        var laidOut = directions
            .Select(direction => new ChartDirection(
                direction,
                [.. direction.Initiatives.Select(initiative =>
                {
                    var length = Length(initiative.ExerciseCount, most);
                    return new ChartBar(initiative, X: rightToLeft ? TrackLength - length : 0, Length: length);
                })]))
            .ToList();
        return new StrategyCoverageChart(most, laidOut);
    }

    private static int Length(int count, int most) => count == 0
        ? 0
        : Math.Max(ShortestBar, (int)Math.Round((double)count * TrackLength / most, MidpointRounding.AwayFromZero));
}

public sealed record ChartDirection(DirectionCoverage Direction, IReadOnlyList<ChartBar> Bars);

/// <param name="X">Where the bar starts in its track, in view box units: 0 left to right, the far end right to left.</param>
/// <param name="Length">The bar's length in view box units, proportional to the initiative's count.</param>
public sealed record ChartBar(InitiativeCoverage Initiative, int X, int Length);
