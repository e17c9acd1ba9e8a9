using DemoConsole.Core.Cluster;

namespace DemoConsole.Tests.Shared;

/// <summary><see cref="IPreflightChecks"/> for component tests: returns <see cref="Results"/> and records each request.</summary>
public sealed class TestPreflightChecks : IPreflightChecks
{
    private int _runs;

    public IReadOnlyList<PreflightResult> Results { get; set; } = [];

    public PreflightRequest? LastRequest { get; private set; }

    public int Runs => Volatile.Read(ref _runs);

    public Task<IReadOnlyList<PreflightResult>> RunAsync(PreflightRequest request, CancellationToken cancellationToken = default)
    {
        LastRequest = request;
        Interlocked.Increment(ref _runs);
        return Task.FromResult(Results);
    }
}
