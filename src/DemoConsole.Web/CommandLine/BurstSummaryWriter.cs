using System.Globalization;
using DemoConsole.Core.Load;

namespace DemoConsole.Web.CommandLine;

/// <summary>Prints a run's result the way hey does, so the two can be read side by side.</summary>
internal static class BurstSummaryWriter
{
    public static void Write(TextWriter output, LoadResult result)
    {
        var s = result.Snapshot;
        var plan = result.Plan;
        output.WriteLine();
        output.WriteLine("Summary:");
        // Where the load went, first: the command line accepts any host, so the summary says which one it was.
        Line(output, "Target", plan.Method.ToUpperInvariant() + " " + RequestUri(plan));
        Line(output, "Model", plan.Model.ToString().ToLowerInvariant() + Pacing(plan));
        Line(output, "Total", Seconds(s.Elapsed));
        Line(output, "Slowest", Seconds(s.Latency.Max));
        Line(output, "Average", Seconds(s.Latency.Mean));
        Line(output, "Requests/sec", s.AchievedRps.ToString("0.00", CultureInfo.InvariantCulture));
        Line(output, "State", s.State.ToString().ToLowerInvariant());
        output.WriteLine();
        output.WriteLine(Invariant(
            $"Requests: sent {s.Sent}, completed {s.Completed}, responses {s.Responses}, errors {s.Errors}, dropped {s.Dropped}, aborted {s.Aborted}"));
        output.WriteLine();
        Percentiles(output, "Latency distribution (from intended start, corrected for coordinated omission):", s.Latency);
        if (plan.Model != LoadModel.Closed)
        {
            Percentiles(output, "Service time (from actual send):", s.ServiceLatency);
            Percentiles(output, "Schedule lag (actual send behind schedule):", s.ScheduleLag);
        }

        output.WriteLine("Status code distribution:");
        foreach (var (status, count) in s.StatusCounts.OrderBy(pair => pair.Key))
        {
            output.WriteLine(Invariant($"  [{status}]\t{count} responses"));
        }

        if (s.ErrorCounts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Error distribution:");
            foreach (var (error, count) in s.ErrorCounts.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine(Invariant($"  [{count}]\t{RequestLine.DescribeError(error)}"));
            }
        }

        if (s.Expectation is { } expectation)
        {
            output.WriteLine();
            output.WriteLine("Expectation: " + expectation);
        }

        if (s.Failure is not null)
        {
            output.WriteLine();
            output.WriteLine("Failure: " + s.Failure);
        }
    }

    /// <summary>The URL the requests went to: the plan's origin with its path.</summary>
    internal static string RequestUri(LoadPlan plan) =>
        plan.Target is { } target ? new Uri(target, plan.Path).ToString() : plan.Path;

    private static string Pacing(LoadPlan plan) => plan.Model switch
    {
        LoadModel.Open => Invariant($" at {plan.Rate} req/s"),
        LoadModel.Closed => Invariant($" with {plan.Connections} connections"),
        _ => " every " + DurationText.Format(plan.Interval ?? TimeSpan.Zero),
    };

    private static void Percentiles(TextWriter output, string title, LatencySummary latency)
    {
        output.WriteLine(title);
        output.WriteLine(Invariant($"  50% in {Seconds(latency.P50)}"));
        output.WriteLine(Invariant($"  90% in {Seconds(latency.P90)}"));
        output.WriteLine(Invariant($"  95% in {Seconds(latency.P95)}"));
        output.WriteLine(Invariant($"  99% in {Seconds(latency.P99)}"));
        output.WriteLine(Invariant($"  max   {Seconds(latency.Max)}"));
        output.WriteLine();
    }

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine("  " + (label + ":").PadRight(14) + value);

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.0000", CultureInfo.InvariantCulture) + " secs";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
