using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// The console as users run it: the published build (<c>docker/publish.sh</c>, Release), started as a separate
/// cold process for each <c>DemoConsole burst</c> run.
/// </summary>
internal sealed partial class PublishedConsole(string directory, bool temporary = false) : IDisposable
{
    private string Dll => Path.Combine(directory, "DemoConsole.dll");

    /// <summary>Uses <paramref name="existing"/> if given, otherwise publishes the repository's console into a temporary folder.</summary>
    public static async Task<PublishedConsole> EnsureAsync(string? existing)
    {
        if (existing is not null)
        {
            return File.Exists(Path.Combine(existing, "DemoConsole.dll"))
                ? new PublishedConsole(existing)
                : throw new InvalidOperationException($"{existing} holds no DemoConsole.dll; run docker/publish.sh {existing}");
        }

        var root = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("load-bench-publish-").FullName;
        Console.WriteLine($"publishing the console (docker/publish.sh {output}) ...");
        using var publish = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "docker", "publish.sh"), output])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("bash did not start");
        var log = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? new PublishedConsole(output, temporary: true) : throw new InvalidOperationException("publish failed:\n" + log);
    }

    /// <summary>
    /// <c>dotnet DemoConsole.dll burst URL --connections C --duration D</c>; returns the requests it completed and its
    /// summary. Start-up is inside the process (and its CPU time) but sends nothing, so it is outside the counted window.
    /// </summary>
    public async Task<(long Completed, string Summary)> BurstAsync(Uri url, int connections, TimeSpan duration)
    {
        string[] args = [Dll, "burst", url.ToString(), "--connections", $"{connections}", "--duration", $"{(int)duration.TotalSeconds}s"];
        using var process = Process.Start(new ProcessStartInfo("dotnet", args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("dotnet did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = CompletedCount().Match(output);
        return process.ExitCode == 0 && match.Success
            ? (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), output)
            : throw new InvalidOperationException($"burst exited {process.ExitCode}:\n{output}{errors}");
    }

    /// <summary>The console itself (<c>dotnet DemoConsole.dll --urls http://127.0.0.1:PORT</c>) with <paramref name="environment"/> added; the caller stops it.</summary>
    public Process StartConsole(int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            // As in the image (WORKDIR /app): the content root is the current folder, and its wwwroot must be the
            // published one, with the compressed assets the published endpoint manifest names.
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Its log (default settings) is drained and printed only when it warns: a full pipe would stall the console.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains(" WRN] ", StringComparison.Ordinal) || line.Contains(" ERR] ", StringComparison.Ordinal) || line.Contains(" FTL] ", StringComparison.Ordinal)))
            {
                Console.WriteLine("    console: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Removes the folder if this program published into it.</summary>
    public void Dispose()
    {
        if (temporary)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docker", "publish.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("docker/publish.sh not found above " + AppContext.BaseDirectory + "; pass --published DIR");
    }

    [GeneratedRegex(@"completed (\d+),")]
    private static partial Regex CompletedCount();
}
