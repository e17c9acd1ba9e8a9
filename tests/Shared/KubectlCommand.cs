using System.Diagnostics;

namespace DemoConsole.Tests.Shared;

/// <summary>
/// The real kubectl against a given kubeconfig, as an operator would run it: KUBECONFIG set explicitly and HOME a private
/// temp folder, so the user's config and discovery cache are never read or written. A non-zero exit fails with kubectl's
/// own message.
/// </summary>
public static class KubectlCommand
{
    public const string Path = "/usr/bin/kubectl";

    public static async Task<string> RunAsync(string kubeconfig, params string[] args)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var home = Directory.CreateTempSubdirectory("kubectl-home-");
        start.Environment["KUBECONFIG"] = kubeconfig;
        start.Environment["HOME"] = home.FullName;
        start.Environment.Remove("KUBERNETES_SERVICE_HOST");
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0
                ? await stdout
                : throw new InvalidOperationException($"kubectl {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
