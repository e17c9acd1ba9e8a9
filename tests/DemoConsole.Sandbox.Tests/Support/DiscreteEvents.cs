using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>
/// Runs a sandbox on a fake clock as a discrete-event simulation: once it has done everything it can at this instant,
/// the clock jumps to the next timed transition. No step size is guessed and no real time is waited for.
/// </summary>
internal static class DiscreteEvents
{
    /// <summary>
    /// Until every transition due by now has run and the controllers have reconciled every change: then the sandbox
    /// waits on the clock. A condition on the sandbox's state, polled (it has no change stream of its own).
    /// </summary>
    public static Task CaughtUpAsync(SandboxHost sandbox)
    {
        var cluster = sandbox.Cluster;
        return AsyncWait.UntilAsync(
            () => cluster.PendingTransitions.All(due => due > cluster.Now) && cluster.Controllers.CaughtUpTo == cluster.Store.ResourceVersion,
            "the sandbox to do everything due by now");
    }

    /// <summary>Advances the clock from transition to transition until <paramref name="condition"/> holds, within <paramref name="limit"/> of simulated time.</summary>
    public static async Task RunUntilAsync(SandboxHost sandbox, FakeTimeProvider clock, Func<bool> condition, string what, TimeSpan limit)
    {
        var start = clock.GetUtcNow();
        while (true)
        {
            await CaughtUpAsync(sandbox);
            if (condition())
            {
                return;
            }

            var next = sandbox.Cluster.PendingTransitions.DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            Assert.True(next != DateTimeOffset.MaxValue && next - start < limit, $"not yet {what}, and nothing is scheduled to happen within {limit}");
            clock.Advance(next > clock.GetUtcNow() ? next - clock.GetUtcNow() : TimeSpan.Zero);
        }
    }
}
