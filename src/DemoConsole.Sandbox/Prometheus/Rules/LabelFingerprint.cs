using System.Globalization;
using System.Text;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>prometheus/common's LabelSet.Fingerprint: FNV-1a 64 over sorted names and values, each followed by 0xff.</summary>
internal static class LabelFingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string Of(LabelSet labels)
    {
        var hash = Offset;
        foreach (var (name, value) in labels.Pairs)
        {
            hash = Add(Add(hash, name), value);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash ^ 0xff) * Prime;
    }
}
