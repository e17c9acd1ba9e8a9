namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// rate/increase (extrapolatedRate) and irate, line for line as Prometheus 2.42 computes them, so the twin's numbers
/// agree with the real one on the same samples: counter resets, extrapolation to the window edges (at most half an
/// average sample interval beyond the outermost samples) and never below a counter's zero point.
/// </summary>
internal static class RateFunctions
{
    public static double? ExtrapolatedRate(List<Point> points, long rangeStart, long rangeEnd, long rangeMilliseconds, bool isRate)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var first = points[0];
        var last = points[^1];
        var result = last.Value - first.Value;
        var previous = 0.0;
        foreach (var point in points)
        {
            if (point.Value < previous)
            {
                result += previous;
            }

            previous = point.Value;
        }

        var durationToStart = (first.Time - rangeStart) / 1000.0;
        var durationToEnd = (rangeEnd - last.Time) / 1000.0;
        var sampledInterval = (last.Time - first.Time) / 1000.0;
        var averageBetweenSamples = sampledInterval / (points.Count - 1);
        if (result > 0 && first.Value >= 0)
        {
            var durationToZero = sampledInterval * (first.Value / result);
            if (durationToZero < durationToStart)
            {
                durationToStart = durationToZero;
            }
        }

        var threshold = averageBetweenSamples * 1.1;
        var extrapolateTo = sampledInterval;
        extrapolateTo += durationToStart < threshold ? durationToStart : averageBetweenSamples / 2;
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageBetweenSamples / 2;
        result *= extrapolateTo / sampledInterval;
        return isRate ? result / (rangeMilliseconds / 1000.0) : result;
    }

    public static double? InstantRate(List<Point> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var last = points[^1];
        var previous = points[^2];
        var result = last.Value < previous.Value ? last.Value : last.Value - previous.Value;
        var interval = last.Time - previous.Time;
        return interval == 0 ? null : result / (interval / 1000.0);
    }
}
