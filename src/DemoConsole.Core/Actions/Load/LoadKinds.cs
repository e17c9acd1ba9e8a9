using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Load;

namespace DemoConsole.Core.Actions.Load;

/// <summary>
/// The load kinds: <c>load-burst</c> (open model: a count or duration with a rate or an interval; closed model with
/// <c>connections</c>, as wrk and hey do), <c>request-sequence</c> (the
/// runbook's curl loop) and <c>steady-traffic</c> (until stopped). All aim at the gateway only; none asks first.
/// </summary>
public static class LoadKinds
{
    public static readonly ActionParameter Path = new("path", ParameterType.Path, true, "request path on the gateway, e.g. /blog/");
    public static readonly ActionParameter Method = ActionParameter.OneOf("method", HttpMethods.Allowed, "request method (default GET)");
    public static readonly ActionParameter Timeout = new("timeout", ParameterType.Duration, false, "per-request timeout");
    public static readonly ActionParameter Count = new("count", ParameterType.Count, false, "number of requests");
    public static readonly ActionParameter Duration = new("duration", ParameterType.Duration, false, "how long the burst lasts");
    public static readonly ActionParameter Interval = new("interval", ParameterType.Duration, false, "time between requests");
    public static readonly ActionParameter Rate = new("rate", ParameterType.Rate, false, "requests per second");
    public static readonly ActionParameter Connections = new("connections", ParameterType.Count, false,
        "closed model: this many connections, each sending as soon as its previous response returned (instead of a rate)");

    public static readonly ActionKindDescriptor LoadBurst = Kind("load-burst", [Path, Method, Timeout, Count, Duration, Interval, Rate, Connections]);

    public static readonly ActionKindDescriptor RequestSequence = Kind("request-sequence",
        [Path, Method, Timeout, Count with { Required = true }, Interval with { Required = true }]);

    public static readonly ActionKindDescriptor SteadyTraffic = Kind("steady-traffic", [Path, Method, Timeout, Interval with { Required = true }]);

    /// <summary>The load kind called <paramref name="name"/>, or null for any other kind.</summary>
    public static ActionKindDescriptor? Find(string name) => new[] { LoadBurst, RequestSequence, SteadyTraffic }.FirstOrDefault(k => k.Name == name);

    private static ActionKindDescriptor Kind(string name, IReadOnlyList<ActionParameter> parameters) => new()
    {
        Name = name,
        Parameters = parameters,
        ResultType = typeof(LoadSnapshot),
        HandlerType = typeof(LoadActionHandler),
    };
}
