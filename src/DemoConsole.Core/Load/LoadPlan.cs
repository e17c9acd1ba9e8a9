namespace DemoConsole.Core.Load;

/// <summary>
/// What a load run should do. Nothing here is trusted: <see cref="ILoadEngine.Start"/> validates every
/// field against the server's <see cref="LoadCaps"/> and refuses the plan with a list of problems.
/// </summary>
public sealed record LoadPlan
{
    /// <summary>Base URI of the target, e.g. the gateway's <c>http://10.0.11.168:31304/</c>; must be allowed by the caps.</summary>
    public Uri? Target { get; init; }

    /// <summary>Absolute path (and optional query) on the target, e.g. <c>/blog/</c>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>HTTP method, e.g. <c>GET</c> or <c>DELETE</c>.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>How requests are paced.</summary>
    public LoadModel Model { get; init; } = LoadModel.Open;

    /// <summary>Requests per second; open model only.</summary>
    public double? Rate { get; init; }

    /// <summary>Time between request starts; sequence and steady models only.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Number of requests to start. Give either this or <see cref="Duration"/> (steady runs take neither).</summary>
    public int? Count { get; init; }

    /// <summary>How long to keep starting requests (open and closed models).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Connections to the target (closed model: the number of workers); defaults per model.</summary>
    public int? Connections { get; init; }

    /// <summary>Requests allowed in flight at once; scheduled starts beyond it are dropped. Defaults to the cap.</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>Per-request timeout, measured from the actual send.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Optional pass/fail check shown with the result.</summary>
    public LoadExpectation? Expectation { get; init; }

    /// <summary>For run history and screens, e.g. <c>DELETE /blog/ ×10 every 500 ms</c> or <c>GET /blog/ at 500/s for 10 s</c>.</summary>
    public string Description
    {
        get
        {
            var amount = Count is { } count ? $" ×{count}" : Duration is { } duration ? " for " + DurationText.Format(duration) : string.Empty;
            var pacing = Model switch
            {
                LoadModel.Open => FormattableString.Invariant($" at {Rate}/s"),
                LoadModel.Closed => FormattableString.Invariant($" over {Connections?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"} connections"),
                _ => string.Empty,
            };
            var every = Interval is { } interval && Model is LoadModel.Sequence or LoadModel.Steady ? " every " + DurationText.Format(interval) : string.Empty;
            var until = Model == LoadModel.Steady ? " until stopped" : string.Empty;
            return $"{Method} {Path}{pacing}{amount}{every}{until}";
        }
    }

    /// <summary>An open-model burst: <paramref name="count"/> requests at <paramref name="rate"/> per second.</summary>
    public static LoadPlan Burst(Uri target, string path, double rate, int count, string method = "GET") =>
        new() { Target = target, Path = path, Method = method, Model = LoadModel.Open, Rate = rate, Count = count };

    /// <summary>The seed's curl loops: <paramref name="count"/> requests <paramref name="interval"/> apart.</summary>
    public static LoadPlan Sequence(Uri target, string path, int count, TimeSpan interval, string method = "GET") =>
        new() { Target = target, Path = path, Method = method, Model = LoadModel.Sequence, Count = count, Interval = interval };

    /// <summary>The seed's load generator: one request every <paramref name="interval"/> until stopped.</summary>
    public static LoadPlan Steady(Uri target, string path, TimeSpan interval, string method = "GET") =>
        new() { Target = target, Path = path, Method = method, Model = LoadModel.Steady, Interval = interval };
}
