namespace DemoConsole.Core.Load;

/// <summary>The final figures of a run, with its verdict.</summary>
public sealed record LoadResult(LoadPlan Plan, LoadSnapshot Snapshot)
{
    /// <summary>The expectation's outcome on the final figures; null when the plan had none.</summary>
    public ExpectationOutcome? Expectation => Snapshot.Expectation;

    /// <summary>
    /// Completed (not stopped or failed) and the expectation passed; without an expectation, at least one
    /// request got a response, because a run in which nothing answered did not show anything.
    /// </summary>
    public bool Succeeded => Snapshot.State == LoadRunState.Completed
        && (Expectation?.Passed ?? Snapshot.Responses > 0);
}
