namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>
/// The kubelet's back-off for restarting a failed container and for pulling an image: 10 s, doubling on each
/// failure, at most 5 minutes (pkg/kubelet: initial 10s, max 300s). A crashed container's first restart is
/// immediate; the back-off applies from the second.
/// </summary>
internal static class KubeletBackOff
{
    public static TimeSpan AfterFailures(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(300, 10 * Math.Pow(2, Math.Min(failures - 1, 10))));

    /// <summary>Go's Duration text for whole seconds as the kubelet prints it ("10s", "1m20s", "5m0s").</summary>
    public static string Text(TimeSpan delay)
    {
        var seconds = (int)delay.TotalSeconds;
        return seconds < 60 ? $"{seconds}s" : $"{seconds / 60}m{seconds % 60}s";
    }
}
