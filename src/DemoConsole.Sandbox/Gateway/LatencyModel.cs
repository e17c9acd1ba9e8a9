namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// Request latency as the platform measured it (P95 ≈ 19 ms, seed part 3): a log-normal body of a few
/// milliseconds with a thin tail; errors answered by the gateway itself are faster.
/// </summary>
internal static class LatencyModel
{
    public static double Sample(int status, bool reachedBackend)
    {
        // Box-Muller normal sample → log-normal with median ~7 ms and P95 ~19 ms for backend calls.
        var u1 = 1.0 - Random.Shared.NextDouble();
        var u2 = Random.Shared.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var median = reachedBackend ? 7.0 : status == 503 ? 0.8 : 1.5;
        return Math.Round(median * Math.Exp(0.6 * normal), 1);
    }
}
