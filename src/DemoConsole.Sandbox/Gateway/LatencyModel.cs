namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// Request latency as the platform measured it (P95 ≈ 19 ms, seed part 3): a log-normal body of a few
/// milliseconds with a thin tail; errors answered by the gateway itself are faster. The randomness is given, so a
/// test can draw from a seeded source and assert on exact figures.
/// </summary>
/// <param name="random">Where samples come from; must be safe for the callers' threads (the gateway uses <see cref="Random.Shared"/>).</param>
internal sealed class LatencyModel(Random random)
{
    public double Sample(int status, bool reachedBackend)
    {
        // Box-Muller normal sample → log-normal with median ~7 ms and P95 ~19 ms for backend calls.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var median = reachedBackend ? 7.0 : status == 503 ? 0.8 : 1.5;
        return Math.Round(median * Math.Exp(0.6 * normal), 1);
    }
}
