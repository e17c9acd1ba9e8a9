namespace DemoConsole.Core.Load;

/// <summary>A validated plan with every default filled in; only <see cref="LoadPlanValidator"/> makes one.</summary>
internal sealed record ResolvedPlan(
    LoadPlan Source,
    Uri RequestUri,
    HttpMethod Method,
    LoadModel Model,
    TimeSpan? Period,
    long? Total,
    TimeSpan? Duration,
    int Connections,
    int MaxInFlight,
    TimeSpan Timeout,
    LoadExpectation? Expectation)
{
    /// <summary>
    /// Sequences keep every line up to a thousand (the seed's longest loop has 100); steady runs keep the
    /// latest hundred. Every snapshot copies the lines, so this also bounds what a snapshot costs.
    /// </summary>
    public int RequestLineCapacity => Model switch
    {
        LoadModel.Sequence => (int)Math.Min(Total ?? 0, 1_000),
        LoadModel.Steady => 100,
        _ => 0,
    };
}
