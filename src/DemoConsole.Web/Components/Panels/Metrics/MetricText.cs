using System.Globalization;
using DemoConsole.Core.Observability;

namespace DemoConsole.Web.Components.Panels.Metrics;

/// <summary>How metric values read on tiles and edges: "no traffic" for a missing value, never "0 ms" or "NaN".</summary>
public static class MetricText
{
    public static string NoTraffic => Resources.UiText.Get("Metrics_NoTraffic");

    public static string Milliseconds(double? value) => value is { } v && double.IsFinite(v)
        ? v < 10 ? $"{v.ToString("0.0", CultureInfo.CurrentCulture)} ms" : $"{v.ToString("0", CultureInfo.CurrentCulture)} ms"
        : NoTraffic;

    public static string Percent(double? value) => value is { } v && double.IsFinite(v)
        ? v == 0 ? "0 %" : v < 0.1 ? $"{v.ToString("0.00", CultureInfo.CurrentCulture)} %" : $"{v.ToString("0.#", CultureInfo.CurrentCulture)} %"
        : NoTraffic;

    public static string Rate(double? value) => value is { } v && double.IsFinite(v)
        ? $"{v.ToString(v < 10 ? "0.0" : "0", CultureInfo.CurrentCulture)} req/s"
        : NoTraffic;

    public static string Bytes(double value) => value >= 1024 * 1024 * 1024
        ? $"{(value / (1024 * 1024 * 1024)).ToString("0.0", CultureInfo.CurrentCulture)} GiB"
        : $"{(value / (1024 * 1024)).ToString("0", CultureInfo.CurrentCulture)} MiB";

    public static string LevelClass(SignalLevel level) => level switch
    {
        SignalLevel.Danger => "level-danger",
        SignalLevel.Caution => "level-caution",
        SignalLevel.Normal => "level-normal",
        _ => "level-none",
    };

    /// <summary>
    /// At most <paramref name="characters"/> characters, the last one an ellipsis when cut: SVG text cannot be cut by
    /// CSS, and a label value can be any length.
    /// </summary>
    public static string Fit(string text, int characters) =>
        text.Length <= characters ? text : string.Concat(text.AsSpan(0, characters - 1), "…");

    /// <summary>"prod-blog-service-deployment" → "prod-blog-service": the suffix says nothing on a graph.</summary>
    public static string Workload(string name) =>
        name.EndsWith("-deployment", StringComparison.Ordinal) ? name[..^"-deployment".Length] : name;
}
