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
    /// <summary>Sequences keep every line; steady runs keep the latest ones so memory stays bounded.</summary>
    public int RequestLineCapacity => Model switch
    {
        LoadModel.Sequence => (int)(Total ?? 0),
        LoadModel.Steady => 100,
        _ => 0,
    };
}
