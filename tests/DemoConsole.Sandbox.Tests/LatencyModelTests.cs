using DemoConsole.Sandbox.Gateway;

namespace DemoConsole.Sandbox.Tests;

public sealed class LatencyModelTests
{
    [Fact]
    public void Sample_BackendCalls_P95NearTheSeedsNineteenMilliseconds()
    {
        var samples = Enumerable.Range(0, 20_000).Select(_ => LatencyModel.Sample(200, reachedBackend: true)).Order().ToArray();

        var median = samples[samples.Length / 2];
        var p95 = samples[(int)(samples.Length * 0.95)];

        Assert.InRange(median, 5, 9);
        Assert.InRange(p95, 15, 24);
        Assert.All(samples, s => Assert.True(s > 0));
    }

    [Fact]
    public void Sample_GatewayAnswersItself_IsFasterThanBackendCalls()
    {
        var own = Enumerable.Range(0, 5_000).Average(_ => LatencyModel.Sample(404, reachedBackend: false));
        var backend = Enumerable.Range(0, 5_000).Average(_ => LatencyModel.Sample(200, reachedBackend: true));

        Assert.True(own < backend / 2, $"gateway-only {own:0.0} ms vs backend {backend:0.0} ms");
    }
}
