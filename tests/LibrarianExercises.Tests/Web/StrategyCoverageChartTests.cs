using LibrarianExercises.Web.Models;

namespace LibrarianExercises.Tests.Web;

public sealed class StrategyCoverageChartTests
{
    private static readonly DirectionCoverage[] Directions =
    [
        new(1, "Strengthen the Global Voice of Libraries", 2,
        [
            new("1.1", "Show the power of libraries", 2, [new(21, "Reach out"), new(22, "Reach further")]),
            new("1.2", "", 0, []),
        ]),
        new(2, "Inspire and Enhance Professional Practice", 1, [new("2.1", "Produce resources", 1, [new(51, "Stand up")])]),
    ];

    [Fact]
    public void BarsAreAsLongAsTheirCountsAndAnInitiativeWithoutExercisesHasNone()
    {
        var chart = StrategyCoverageChart.Create(Directions, rightToLeft: false);

        var bars = chart.Directions.SelectMany(d => d.Bars).ToList();
        Assert.Equal(["1.1", "1.2", "2.1"], bars.Select(b => b.Initiative.Code));
        Assert.Equal(2, chart.MostExercises);
        Assert.Equal(0, bars[1].BarWidth);
        Assert.Equal(bars[0].BarWidth, 2 * bars[2].BarWidth);
        Assert.True(bars[0].X + bars[0].BarWidth <= StrategyCoverageChart.Width);
        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Y < p.Second.Y));
        Assert.True(chart.Height > bars[^1].Y);
    }

    [Fact]
    public void OnARightToLeftPageTheChartIsMirroredSoBarsGrowFromTheRightEdge()
    {
        var leftToRight = StrategyCoverageChart.Create(Directions, rightToLeft: false).Directions.SelectMany(d => d.Bars).ToList();
        var rightToLeft = StrategyCoverageChart.Create(Directions, rightToLeft: true).Directions.SelectMany(d => d.Bars).ToList();

        Assert.All(leftToRight.Zip(rightToLeft), pair =>
        {
            var (ltr, rtl) = pair;
            Assert.Equal(ltr.BarWidth, rtl.BarWidth);
            Assert.Equal(StrategyCoverageChart.Width - ltr.X, rtl.X + rtl.BarWidth);
            Assert.Equal(StrategyCoverageChart.Width - ltr.CodeX, rtl.CodeX);
            Assert.Equal(StrategyCoverageChart.Width - ltr.CountX, rtl.CountX);
        });
    }
}
