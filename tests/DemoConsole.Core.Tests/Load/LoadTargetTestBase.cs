using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Load;

/// <summary>Gives each test its own Kestrel target on a loopback port and an engine allowed to aim at it.</summary>
public abstract class LoadTargetTestBase : IAsyncLifetime
{
    protected KestrelLoadTarget Target { get; private set; } = null!;

    protected LoadCaps Caps => new() { AllowedTargets = [Target.BaseAddress], MaxTimeout = TimeSpan.FromMinutes(5) };

    protected HttpLoadEngine SystemEngine() => new(Caps, TimeProvider.System);

    protected HttpLoadEngine FakeEngine(FakeTimeProvider time) => new(Caps, time);

    protected static ILoadRun Started(LoadStartResult start)
    {
        Assert.True(start.Started, start.Message);
        return start.Run;
    }

    public async Task InitializeAsync() => Target = await KestrelLoadTarget.StartAsync();

    public async Task DisposeAsync() => await Target.DisposeAsync();
}
