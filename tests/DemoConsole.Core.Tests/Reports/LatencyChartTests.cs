using System.Text.RegularExpressions;
using DemoConsole.Core.Reports;

namespace DemoConsole.Core.Tests.Reports;

public sealed partial class LatencyChartTests
{
    [Fact]
    public void Svg_OneLinePointPerSecondWithAnswers_ScaledToANiceAxis()
    {
        var svg = LatencyChart.Svg(Figures(
            new SecondPoint(0, 20, 0, 2.0, 4.0),
            new SecondPoint(1, 0, 0),
            new SecondPoint(2, 20, 0, 3.0, 170.0)))!;

        Assert.Equal(2, Points(svg, "p50").Length);
        Assert.Equal(2, Points(svg, "p99").Length);
        Assert.Contains(">200 ms<", svg, StringComparison.Ordinal);
        Assert.Contains(">2 s<", svg, StringComparison.Ordinal);
        // The slow second's p99 is the highest point: the smallest y.
        var p99 = Points(svg, "p99").Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(p99[1] < p99[0]);
    }

    [Fact]
    public void Svg_FewerThanTwoSecondsWithAnswers_IsNothing()
    {
        Assert.Null(LatencyChart.Svg(Figures(new SecondPoint(0, 5, 0, 1, 2), new SecondPoint(1, 0, 3))));
    }

    [Theory]
    [InlineData(0.37, 0.5)]
    [InlineData(4, 5)]
    [InlineData(170, 200)]
    [InlineData(1000, 1000)]
    [InlineData(0, 1)]
    public void NiceCeiling_IsOneTwoOrFiveTimesAPowerOfTen(double value, double expected) =>
        Assert.Equal(expected, LatencyChart.NiceCeiling(value), 9);

    private static string[] Points(string svg, string series) =>
        PointsOf().Matches(svg).Single(m => m.Groups[1].Value == series).Groups[2].Value.Split(' ');

    private static LoadFigures Figures(params SecondPoint[] seconds) => new(
        40, 0, 20, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(9), TimeSpan.FromMilliseconds(9),
        new Dictionary<int, long> { [200] = 40 }, null, null, null, seconds, []);

    [GeneratedRegex("<polyline class=\"(p50|p99)\"[^>]*points=\"([^\"]*)\"")]
    private static partial Regex PointsOf();
}
