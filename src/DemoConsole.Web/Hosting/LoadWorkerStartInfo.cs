using System.Diagnostics;
using DemoConsole.Web.CommandLine;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// How the console starts a load worker: its own program with the word <c>load-worker</c> — the published
/// executable when it runs as one, else the <c>dotnet</c> host with this assembly. Null when neither can be found
/// (the run is then sent in process).
/// </summary>
internal static class LoadWorkerStartInfo
{
    private const string ExecutableName = "DemoConsole";

    public static ProcessStartInfo? Create()
    {
        var assembly = typeof(LoadWorkerStartInfo).Assembly.Location;
        if (assembly.Length == 0 || !File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json")))
        {
            return null;
        }

        var host = Environment.ProcessPath;
        ProcessStartInfo info;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == ExecutableName)
        {
            info = new ProcessStartInfo(host);
        }
        else if (DotnetHost(host) is { } dotnet)
        {
            info = new ProcessStartInfo(dotnet);
            info.ArgumentList.Add(assembly);
        }
        else
        {
            return null;
        }

        info.ArgumentList.Add(LoadWorkerCommand.Name);
        // The worker needs none of the console's settings, and the secrets among them stay in the console.
        foreach (var name in info.Environment.Keys.Where(IsConsoleSetting).ToList())
        {
            info.Environment.Remove(name);
        }

        return info;
    }

    private static bool IsConsoleSetting(string name) =>
        name.StartsWith("DemoConsole", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet host running this process, the one the SDK names (tests), or the first on PATH.</summary>
    private static string? DotnetHost(string? host)
    {
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return host;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } named && File.Exists(named))
        {
            return named;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dotnet"))
            .FirstOrDefault(File.Exists);
    }
}
