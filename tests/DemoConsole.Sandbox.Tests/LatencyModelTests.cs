using DemoConsole.Sandbox.Gateway;

namespace DemoConsole.Sandbox.Tests;

/// <summary>On a seeded source the samples are the same on every run, so the figures below are exact, not lucky.</summary>
public sealed class LatencyModelTests
{
    private const int Seed = 20251103;

    [Fact]
    public void Sample_BackendCalls_P95NearTheSeedsNineteenMilliseconds()
    {
        var model = new LatencyModel(new Random(Seed));
        var samples = Enumerable.Range(0, 20_000).Select(_ => model.Sample(200, reachedBackend: true)).Order().ToArray();

        var median = samples[samples.Length / 2];
        var p95 = samples[(int)(samples.Length * 0.95)];

        Assert.InRange(median, 5, 9);
        Assert.InRange(p95, 15, 24);
        Assert.All(samples, s => Assert.True(s > 0));
    }

    [Fact]
    public void Sample_GatewayAnswersItself_IsFasterThanBackendCalls()
    {
        var model = new LatencyModel(new Random(Seed));

        var own = Enumerable.Range(0, 5_000).Average(_ => model.Sample(404, reachedBackend: false));
        var backend = Enumerable.Range(0, 5_000).Average(_ => model.Sample(200, reachedBackend: true));

        Assert.True(own < backend / 2, $"gateway-only {own:0.0} ms vs backend {backend:0.0} ms");
    }

    [Fact]
    public void Sample_SameSeed_SameSamples()
    {
        var first = new LatencyModel(new Random(Seed));
        var second = new LatencyModel(new Random(Seed));

        Assert.Equal(
            Enumerable.Range(0, 100).Select(_ => first.Sample(200, reachedBackend: true)),
            Enumerable.Range(0, 100).Select(_ => second.Sample(200, reachedBackend: true)));
    }
}
