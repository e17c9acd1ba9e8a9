using System.Text.Json;
using System.Text.Json.Serialization;
using DemoConsole.Core.Load;

namespace DemoConsole.Web.CommandLine;

/// <summary>The <c>--json</c> output: figures in milliseconds and counts, stable for scripts.</summary>
internal sealed record BurstJsonReport(
    string Target,
    string Method,
    string Model,
    string State,
    bool Succeeded,
    double ElapsedSeconds,
    long Sent,
    long Completed,
    long Responses,
    long Errors,
    long Dropped,
    long Aborted,
    double RequestsPerSecond,
    BurstJsonReport.Percentiles LatencyMs,
    BurstJsonReport.Percentiles ServiceTimeMs,
    BurstJsonReport.Percentiles ScheduleLagMs,
    IReadOnlyDictionary<string, long> StatusCodes,
    IReadOnlyDictionary<string, long> ErrorClasses,
    IReadOnlyList<BurstJsonReport.Second> Timeline,
    IReadOnlyList<string> Requests,
    string? Expectation,
    bool? ExpectationPassed)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(LoadResult result)
    {
        var s = result.Snapshot;
        var report = new BurstJsonReport(
            BurstSummaryWriter.RequestUri(result.Plan),
            result.Plan.Method.ToUpperInvariant(),
            result.Plan.Model.ToString().ToLowerInvariant(),
            s.State.ToString().ToLowerInvariant(),
            result.Succeeded,
            s.Elapsed.TotalSeconds,
            s.Sent,
            s.Completed,
            s.Responses,
            s.Errors,
            s.Dropped,
            s.Aborted,
            s.AchievedRps,
            Percentiles.Of(s.Latency),
            Percentiles.Of(s.ServiceLatency),
            Percentiles.Of(s.ScheduleLag),
            s.StatusCounts.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
            s.ErrorCounts.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Key.ToString()), p => p.Value),
            [.. s.Timeline.Select(t => new Second(t.Second, t.Started, t.Completed, t.Errors, t.Dropped))],
            [.. s.Requests.Select(r => r.ToString())],
            s.Expectation?.ToString(),
            s.Expectation?.Passed);
        return JsonSerializer.Serialize(report, Options);
    }

    internal sealed record Percentiles(long Count, double P50, double P90, double P95, double P99, double Max, double Mean)
    {
        public static Percentiles Of(LatencySummary l) => new(
            l.Count, l.P50.TotalMilliseconds, l.P90.TotalMilliseconds, l.P95.TotalMilliseconds,
            l.P99.TotalMilliseconds, l.Max.TotalMilliseconds, l.Mean.TotalMilliseconds);
    }

    internal sealed record Second(int Index, long Started, long Completed, long Errors, long Dropped);
}
