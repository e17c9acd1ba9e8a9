using System.Globalization;
using System.Text;

namespace DemoConsole.Sandbox.Metrics;

/// <summary>Writes metric families in the Prometheus text format 0.0.4, the format a scraper (real or twin) reads.</summary>
internal static class Exposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, IEnumerable<MetricFamily> families)
    {
        foreach (var family in families)
        {
            output.Append("# HELP ").Append(family.Name).Append(' ').Append(family.Help).Append('\n');
            output.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples)
            {
                output.Append(sample.Labels.Name);
                var labels = sample.Labels.Pairs.Where(p => p.Key != LabelSet.MetricName).ToList();
                if (labels.Count > 0)
                {
                    output.Append('{');
                    for (var i = 0; i < labels.Count; i++)
                    {
                        output.Append(i == 0 ? "" : ",").Append(labels[i].Key).Append("=\"").Append(LabelSet.Escape(labels[i].Value)).Append('"');
                    }

                    output.Append('}');
                }

                output.Append(' ').Append(Number(sample.Value)).Append('\n');
            }
        }
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
