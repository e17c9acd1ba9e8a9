using System.Globalization;
using DemoConsole.Core.Observability;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Metrics;

// The four tiles, as render fragments so the order can follow the view's focus.
public sealed partial class GoldenSignalsView
{
    private static RenderFragment LatencyTile(GoldenSignalsSnapshot s) => builder =>
    {
        builder.OpenComponent<SignalTile>(0);
        builder.AddComponentParameter(1, nameof(SignalTile.Name), "latency");
        builder.AddComponentParameter(2, nameof(SignalTile.Title), Resources.UiText.Get("Signals_LatencyP95"));
        builder.AddComponentParameter(3, nameof(SignalTile.Value), MetricText.Milliseconds(s.P95.Value));
        builder.AddComponentParameter(4, nameof(SignalTile.Level), Worst(s.P95.Level, s.P99.Level));
        builder.AddComponentParameter(5, nameof(SignalTile.ChildContent), Lines(
            $"P50 {MetricText.Milliseconds(s.P50.Value)}", $"P99 {MetricText.Milliseconds(s.P99.Value)}"));
        builder.CloseComponent();
    };

    private static RenderFragment TrafficTile(GoldenSignalsSnapshot s) => builder =>
    {
        builder.OpenComponent<SignalTile>(0);
        builder.AddComponentParameter(1, nameof(SignalTile.Name), "traffic");
        builder.AddComponentParameter(2, nameof(SignalTile.Title), Resources.UiText.Get("Signals_Traffic"));
        builder.AddComponentParameter(3, nameof(SignalTile.Value), MetricText.Rate(s.TotalRps));
        builder.AddComponentParameter(4, nameof(SignalTile.Level), s.TotalRps is null ? SignalLevel.NoData : SignalLevel.Normal);
        builder.AddComponentParameter(5, nameof(SignalTile.ChildContent), Lines(
            [.. s.RpsByService.Take(3).Select(r => $"{r.Label} {MetricText.Rate(r.Value)}")]));
        builder.CloseComponent();
    };

    private static RenderFragment ErrorsTile(GoldenSignalsSnapshot s) => builder =>
    {
        builder.OpenComponent<SignalTile>(0);
        builder.AddComponentParameter(1, nameof(SignalTile.Name), "errors");
        builder.AddComponentParameter(2, nameof(SignalTile.Title), Resources.UiText.Get("Signals_Errors5xx"));
        builder.AddComponentParameter(3, nameof(SignalTile.Value), MetricText.Percent(s.Errors5xx.Value));
        builder.AddComponentParameter(4, nameof(SignalTile.Level), Worst(s.Errors5xx.Level, s.Errors4xx.Level));
        builder.AddComponentParameter(5, nameof(SignalTile.ChildContent), Lines(
            [$"4xx {MetricText.Percent(s.Errors4xx.Value)}", .. s.RequestsByCode.Take(4).Select(c => $"{c.Label}: {c.Value.ToString("0.#", CultureInfo.CurrentCulture)}")]));
        builder.CloseComponent();
    };

    private static RenderFragment SaturationTile(GoldenSignalsSnapshot s) => builder =>
    {
        builder.OpenComponent<SignalTile>(0);
        builder.AddComponentParameter(1, nameof(SignalTile.Name), "saturation");
        builder.AddComponentParameter(2, nameof(SignalTile.Title), Resources.UiText.Get("Signals_SaturationCpu"));
        builder.AddComponentParameter(3, nameof(SignalTile.Value), s.CpuMax.Value is { } cpu ? MetricText.Percent(cpu) : MetricText.NoTraffic);
        builder.AddComponentParameter(4, nameof(SignalTile.Level), s.CpuMax.Level);
        var memory = s.MemoryByPod.Count > 0 ? Resources.UiText.Get("Signals_MemoryMax", MetricText.Bytes(s.MemoryByPod.Max(m => m.Value))) : Resources.UiText.Get("Signals_MemoryNoData");
        builder.AddComponentParameter(5, nameof(SignalTile.ChildContent), Lines(Resources.UiText.Get("Signals_Pods", s.CpuByPod.Count), memory));
        builder.CloseComponent();
    };

    /// <summary>Caution beats normal, danger beats both; "no data" only when nothing else is known.</summary>
    private static SignalLevel Worst(SignalLevel a, SignalLevel b) => (SignalLevel)Math.Max((int)a, (int)b);

    private static RenderFragment Lines(params string[] lines) => builder =>
    {
        foreach (var line in lines)
        {
            builder.OpenElement(0, "div");
            builder.AddContent(1, line);
            builder.CloseElement();
        }
    };
}
