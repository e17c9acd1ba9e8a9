using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DemoConsole.Benchmarks.Audience;

/// <summary>One memory reading of the console process: resident set (kernel) and live managed heap (after a full GC).</summary>
internal sealed record MemoryReading(long ResidentBytes, long? LiveHeapBytes)
{
    public string Text => LiveHeapBytes is { } heap
        ? string.Create(CultureInfo.InvariantCulture, $"RSS {ResidentBytes / 1048576.0:0.0} MiB, live GC heap {heap / 1048576.0:0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"RSS {ResidentBytes / 1048576.0:0.0} MiB");
}

/// <summary>
/// Reads the console's memory from outside: VmRSS from <c>/proc/PID/status</c>, and the live GC heap from a heap snapshot
/// taken with <c>dotnet-gcdump</c> (it induces a full collection, so garbage awaiting a GC is not counted). RSS is read
/// first: the snapshot's collection may return memory to the system.
/// </summary>
internal static partial class ConsoleMemory
{
    public static async Task<MemoryReading> ReadAsync(Process console, string? gcdump)
    {
        var resident = Resident(console.Id);
        return new MemoryReading(resident, gcdump is null ? null : await LiveHeapAsync(console.Id, gcdump));
    }

    /// <summary>The dotnet-gcdump tool: the given path, else on PATH or in ~/.dotnet/tools; null when there is none.</summary>
    public static string? FindGcDump(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"{given} does not exist (dotnet tool install dotnet-gcdump --tool-path DIR)");
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Select(f => Path.Combine(f, "dotnet-gcdump")).FirstOrDefault(File.Exists);
    }

    private static long Resident(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static async Task<long> LiveHeapAsync(int pid, string gcdump)
    {
        var file = Path.Combine(Path.GetTempPath(), $"audience-bench-{pid}-{Guid.NewGuid():N}.gcdump");
        try
        {
            await RunAsync(gcdump, ["collect", "-p", $"{pid}", "-o", file]);
            var report = await RunAsync(gcdump, ["report", file]);
            var match = HeapBytes().Match(report);
            return match.Success
                ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : throw new InvalidOperationException("no heap size in the gcdump report:\n" + report[..Math.Min(500, report.Length)]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string tool, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {await errors}");
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
