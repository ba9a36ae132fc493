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
        Assert.Equal([1, 2], chart.Directions.Select(d => d.Direction.Number));
        Assert.Equal(2, chart.MostExercises);
        Assert.Equal(StrategyCoverageChart.TrackLength, bars[0].Length);
        Assert.Equal(0, bars[1].Length);
        Assert.Equal(bars[0].Length, 2 * bars[2].Length);
        Assert.All(bars, bar => Assert.Equal(0, bar.X));
    }

    [Fact]
    public void OneExerciseAmongHundredsStillShowsABar()
    {
        DirectionCoverage[] directions =
        [
            new(3, "Connect and Empower the Field", 901,
            [
                new("3.1", "Provide excellent opportunities", 900, []),
                new("3.2", "Support virtual networking", 1, []),
            ]),
        ];

        var bars = StrategyCoverageChart.Create(directions, rightToLeft: false).Directions.Single().Bars;

        Assert.Equal(StrategyCoverageChart.TrackLength, bars[0].Length);
        Assert.Equal(StrategyCoverageChart.ShortestBar, bars[1].Length);
    }

    [Fact]
    public void OnARightToLeftPageEachBarGrowsFromTheRightEndOfItsTrack()
    {
        var leftToRight = StrategyCoverageChart.Create(Directions, rightToLeft: false).Directions.SelectMany(d => d.Bars).ToList();
        var rightToLeft = StrategyCoverageChart.Create(Directions, rightToLeft: true).Directions.SelectMany(d => d.Bars).ToList();

        Assert.All(leftToRight.Zip(rightToLeft), pair =>
        {
            var (ltr, rtl) = pair;
            Assert.Equal(ltr.Length, rtl.Length);
            Assert.Equal(StrategyCoverageChart.TrackLength, rtl.X + rtl.Length);
        });
    }
}
