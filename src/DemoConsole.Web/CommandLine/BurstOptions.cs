using DemoConsole.Core.Load;

namespace DemoConsole.Web.CommandLine;

/// <summary>The parsed command line of <c>DemoConsole burst</c>.</summary>
internal sealed record BurstOptions(
    Uri Url,
    double? Rate,
    int? Connections,
    int? Count,
    TimeSpan? Duration,
    string Method,
    TimeSpan? Interval,
    TimeSpan Timeout,
    LoadExpectation? Expectation,
    bool Json)
{
    /// <summary>hey's defaults: 200 requests over 50 connections when nothing else is said.</summary>
    public const int DefaultCount = 200;
    public const int DefaultConnections = 50;

    public LoadPlan ToPlan()
    {
        var target = new Uri(Url.GetLeftPart(UriPartial.Authority) + "/");
        var count = Count ?? (Duration is null ? DefaultCount : null);
        var model = Rate is not null ? LoadModel.Open : Interval is not null ? LoadModel.Sequence : LoadModel.Closed;
        return new LoadPlan
        {
            Target = target,
            Path = Url.PathAndQuery,
            Method = Method,
            Model = model,
            Rate = Rate,
            Interval = Interval,
            Count = count,
            Duration = Duration,
            Connections = model == LoadModel.Closed ? Connections ?? Math.Min(DefaultConnections, count ?? DefaultConnections) : null,
            Timeout = Timeout,
            Expectation = Expectation,
        };
    }
}
