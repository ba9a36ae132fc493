namespace LibrarianExercises.Web.Models;

/// <summary>
/// Where the bars and labels of the coverage chart go, in the units of the SVG's view box. SVG coordinates run
/// left to right whatever the page's direction, so a right-to-left page gets the drawing mirrored here: bars
/// then grow from the right edge. Text anchors ("start", "end") follow the direction the SVG inherits.
/// </summary>
public sealed class StrategyCoverageChart
{
    // Narrow enough that the labels stay legible when a phone scales the chart down.
    public const int Width = 480;
    public const int BarHeight = 14;

    private const int HeadingHeight = 30;
    private const int RowHeight = 22;
    private const int CodeColumnEnd = 36;
    private const int BarStart = 44;

    // Room after the longest bar for its count.
    private const int BarAreaWidth = Width - BarStart - 36;

    private StrategyCoverageChart(int height, int most, IReadOnlyList<ChartDirection> directions)
    {
        Height = height;
        MostExercises = most;
        Directions = directions;
    }

    public int Height { get; }

    /// <summary>The count the longest bar stands for.</summary>
    public int MostExercises { get; }

    public IReadOnlyList<ChartDirection> Directions { get; }

    public static StrategyCoverageChart Create(IReadOnlyList<DirectionCoverage> directions, bool rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(directions);
        var most = directions.SelectMany(d => d.Initiatives).Select(i => i.ExerciseCount).DefaultIfEmpty(0).Max();
        var y = 0;
        var laidOut = new List<ChartDirection>(directions.Count);
        foreach (var direction in directions)
        {
            var headingY = y + HeadingHeight - 10;
            y += HeadingHeight;
            var bars = new List<ChartBar>(direction.Initiatives.Count);
            foreach (var initiative in direction.Initiatives)
            {
                var width = most == 0 ? 0 : (int)Math.Round((double)initiative.ExerciseCount * BarAreaWidth / most, MidpointRounding.AwayFromZero);
                var barTop = y + ((RowHeight - BarHeight) / 2);
                bars.Add(new ChartBar(
                    initiative,
                    X: rightToLeft ? Width - BarStart - width : BarStart,
                    Y: barTop,
                    BarWidth: width,
                    CodeX: Mirror(CodeColumnEnd, rightToLeft),
                    CountX: Mirror(BarStart + width + 6, rightToLeft),
                    TextY: barTop + BarHeight - 2));
                y += RowHeight;
            }

            laidOut.Add(new ChartDirection(direction, HeadingX: Mirror(0, rightToLeft), HeadingY: headingY, bars));
        }

        return new StrategyCoverageChart(Math.Max(y, 1), most, laidOut);
    }

    private static int Mirror(int x, bool rightToLeft) => rightToLeft ? Width - x : x;
}

public sealed record ChartDirection(DirectionCoverage Direction, int HeadingX, int HeadingY, IReadOnlyList<ChartBar> Bars);

/// <param name="CodeX">Where the code label ends (anchor "end").</param>
/// <param name="CountX">Where the count label starts (anchor "start"), just past the bar's end.</param>
public sealed record ChartBar(InitiativeCoverage Initiative, int X, int Y, int BarWidth, int CodeX, int CountX, int TextY);
