using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DemoConsole.Benchmarks.Load;

/// <summary>Runs wrk or hey as the reference in the same run and reads its own requests/s figure.</summary>
internal static partial class ExternalLoadTool
{
    private const string Hey = "/usr/bin/hey";

    /// <summary>hey is optional (Debian package <c>hey</c>); without it the comparison leaves it out and says so.</summary>
    public static bool HeyInstalled => File.Exists(Hey);

    public static Task<(string Output, double ReportedRps)> WrkAsync(Uri url, int connections, TimeSpan duration) =>
        RunAsync("/usr/bin/wrk", ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", url.ToString()], WrkRps());

    public static Task<(string Output, double ReportedRps)> HeyAsync(Uri url, int connections, TimeSpan duration) =>
        RunAsync(Hey, ["-z", $"{(int)duration.TotalSeconds}s", "-c", $"{connections}", url.ToString()], HeyRps());

    private static async Task<(string Output, double ReportedRps)> RunAsync(string binary, string[] args, Regex rps)
    {
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: apt-get install -y wrk hey");
        }

        using var process = Process.Start(new ProcessStartInfo(binary, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{binary} did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = rps.Match(output);
        return (output, match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex WrkRps();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex HeyRps();
}
