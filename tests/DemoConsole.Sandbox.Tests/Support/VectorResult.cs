using System.Globalization;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>An instant-query vector result as label-set text → value, for comparing two Prometheus answers.</summary>
internal static class VectorResult
{
    public static Dictionary<string, double> Read(JsonNode response, string query)
    {
        Assert.True((string?)response["status"] == "success", $"{query}: {response.ToJsonString()}");
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in response["data"]!["result"]!.AsArray())
        {
            var labels = item!["metric"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}=\"{(string?)p.Value}\"");
            var value = (string?)item["value"]![1] ?? "";
            result["{" + string.Join(",", labels) + "}"] = value switch
            {
                "NaN" => double.NaN,
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => double.Parse(value, CultureInfo.InvariantCulture),
            };
        }

        return result;
    }

    /// <summary>Same series, and every value within the relative tolerance (or the absolute one, for values near 0); returns the largest relative difference.</summary>
    public static double AssertSame(string query, Dictionary<string, double> real, Dictionary<string, double> twin, double relative, double absolute)
    {
        Assert.True(real.Count > 0, $"{query}: the real Prometheus returned no series");
        Assert.True(real.Keys.Order(StringComparer.Ordinal).SequenceEqual(twin.Keys.Order(StringComparer.Ordinal)),
            $"{query}: series differ.\nreal: {string.Join("; ", real.Keys.Order(StringComparer.Ordinal))}\ntwin: {string.Join("; ", twin.Keys.Order(StringComparer.Ordinal))}");
        var largest = 0.0;
        foreach (var (labels, expected) in real)
        {
            var actual = twin[labels];
            if (!double.IsNaN(expected) && expected != actual)
            {
                largest = Math.Max(largest, Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), Math.Abs(actual)));
            }

            var same = double.IsNaN(expected) ? double.IsNaN(actual)
                : expected == actual || Math.Abs(expected - actual) <= Math.Max(absolute, relative * Math.Max(Math.Abs(expected), Math.Abs(actual)));
            Assert.True(same, $"{query}: {labels} real {expected.ToString(CultureInfo.InvariantCulture)} twin {actual.ToString(CultureInfo.InvariantCulture)}");
        }

        return largest;
    }
}
