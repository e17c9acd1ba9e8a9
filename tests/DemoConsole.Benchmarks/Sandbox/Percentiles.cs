using System.Globalization;

namespace DemoConsole.Benchmarks.Sandbox;

/// <summary>Percentiles of a sample, printed in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public static string Summary(IReadOnlyList<double> milliseconds) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Of(milliseconds, 50):0.000} ms, p99 {Of(milliseconds, 99):0.000} ms, max {milliseconds.DefaultIfEmpty().Max():0.000} ms (n={milliseconds.Count})");
}
