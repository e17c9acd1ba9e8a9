using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Sandbox.Tests;

/// <summary>A timed transition that throws is a fault that is kept and logged; only "the object is gone" is dropped.</summary>
public sealed class ClusterTransitionTests
{
    [Fact]
    public async Task TransitionsThatThrow_ConflictAndBugRecordedAndLogged_VanishedObjectDropped()
    {
        var log = new ListLogger();
        await using var cluster = new Cluster(TimeProvider.System, timeScale: 0, log);

        // At time scale 0 a transition runs at once, inside After.
        cluster.After(TimeSpan.Zero, () => throw ApiException.Conflict(ResourceTypes.Deployments, "prod-user-service-deployment"));
        cluster.After(TimeSpan.Zero, () => throw new InvalidOperationException("a defect of the simulation"));
        cluster.After(TimeSpan.Zero, () => throw ApiException.NotFound(ResourceTypes.Pods, "deleted-meanwhile"));

        Assert.Collection(cluster.Faults,
            f => Assert.Equal(409, Assert.IsType<ApiException>(f).Code),
            f => Assert.Equal("a defect of the simulation", Assert.IsType<InvalidOperationException>(f).Message));
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Error));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("deleted-meanwhile", StringComparison.Ordinal));
        Assert.Empty(cluster.PendingTransitions);
    }
}
