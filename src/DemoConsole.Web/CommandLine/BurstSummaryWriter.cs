using System.Globalization;
using DemoConsole.Core.Load;

namespace DemoConsole.Web.CommandLine;

/// <summary>Prints a run's result the way hey does, so the two can be read side by side (labels in the command line's language, numbers invariant).</summary>
internal static class BurstSummaryWriter
{
    public static void Write(TextWriter output, LoadResult result)
    {
        var s = result.Snapshot;
        var plan = result.Plan;
        output.WriteLine();
        output.WriteLine(CommandLineLanguage.Text("Burst_Summary") + ":");
        // Where the load went, first: the command line accepts any host, so the summary says which one it was.
        Line(output, CommandLineLanguage.Text("Burst_Target"), plan.Method.ToUpperInvariant() + " " + RequestUri(plan));
        Line(output, CommandLineLanguage.Text("Burst_Model"), plan.Model.ToString().ToLowerInvariant() + Pacing(plan));
        Line(output, CommandLineLanguage.Text("Burst_Total"), Seconds(s.Elapsed));
        Line(output, CommandLineLanguage.Text("Burst_Slowest"), Seconds(s.Latency.Max));
        Line(output, CommandLineLanguage.Text("Burst_Average"), Seconds(s.Latency.Mean));
        Line(output, "Requests/sec", s.AchievedRps.ToString("0.00", CultureInfo.InvariantCulture));
        Line(output, CommandLineLanguage.Text("Burst_State"), s.State.ToString().ToLowerInvariant());
        output.WriteLine();
        output.WriteLine(CommandLineLanguage.Text("Burst_Requests", s.Sent, s.Completed, s.Responses, s.Errors, s.Dropped, s.Aborted));
        output.WriteLine();
        Percentiles(output, CommandLineLanguage.Text("Burst_Latency") + ":", s.Latency);
        if (plan.Model != LoadModel.Closed)
        {
            Percentiles(output, CommandLineLanguage.Text("Burst_ServiceTime") + ":", s.ServiceLatency);
            Percentiles(output, CommandLineLanguage.Text("Burst_ScheduleLag") + ":", s.ScheduleLag);
        }

        output.WriteLine(CommandLineLanguage.Text("Burst_Statuses") + ":");
        foreach (var (status, count) in s.StatusCounts.OrderBy(pair => pair.Key))
        {
            output.WriteLine(Invariant($"  [{status}]\t{count} ") + CommandLineLanguage.Text("Burst_Responses"));
        }

        if (s.ErrorCounts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(CommandLineLanguage.Text("Burst_Errors") + ":");
            foreach (var (error, count) in s.ErrorCounts.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine(Invariant($"  [{count}]\t{RequestLine.DescribeError(error)}"));
            }
        }

        if (s.Expectation is { } expectation)
        {
            output.WriteLine();
            output.WriteLine(CommandLineLanguage.Text("Burst_Expectation") + ": " + expectation);
        }

        if (s.Failure is not null)
        {
            output.WriteLine();
            output.WriteLine(CommandLineLanguage.Text("Burst_Failure") + ": " + s.Failure);
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
