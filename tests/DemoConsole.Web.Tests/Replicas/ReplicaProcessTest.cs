using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Xunit.Abstractions;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// What a test of console replicas as processes starts and stops: one real Redis and the console processes the test
/// adds to <see cref="Consoles"/>, stopped at the end with their output written to the test's log.
/// </summary>
public abstract class ReplicaProcessTest(ITestOutputHelper output) : IAsyncLifetime
{
    protected ITestOutputHelper Output { get; } = output;

    protected RealRedis Redis { get; private set; } = null!;

    protected List<ConsoleProcess> Consoles { get; } = [];

    public async Task InitializeAsync()
    {
        Redis = await RealRedis.StartAsync();
        await StartMoreAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var console in Consoles)
        {
            await console.DisposeAsync();
            Output.WriteLine($"--- {console.Address} ---\n{console.Output}");
        }

        await StopMoreAsync();
        await Redis.DisposeAsync();
    }

    /// <summary>What a test class starts besides Redis (a shared cluster), once Redis runs.</summary>
    protected virtual Task StartMoreAsync() => Task.CompletedTask;

    /// <summary>What it stops besides, once its consoles have stopped and before Redis does.</summary>
    protected virtual Task StopMoreAsync() => Task.CompletedTask;
}
