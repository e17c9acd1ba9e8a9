using System.Diagnostics;

namespace DemoConsole.Sandbox.Tests.Support;

internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// Runs the real kubectl (or a seed line through bash) against a sandbox, with KUBECONFIG set explicitly and HOME
/// pointing at a private temp directory so the user's config and discovery cache are never read or written.
/// </summary>
internal sealed class Kubectl(SandboxHost sandbox) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _home = Directory.CreateTempSubdirectory("kubectl-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    public Task<KubectlResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/kubectl");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start);
    }

    /// <summary>
    /// A seed line as written (pipes, quoting), with the seed's host replaced by the sandbox gateway. As in the
    /// runbook, the exit code is the last command's (so a <c>| grep</c> line fails when nothing matches).
    /// </summary>
    public Task<KubectlResult> ShellAsync(string commandLine)
    {
        var start = new ProcessStartInfo("/bin/bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine.Replace("http://10.0.11.168:31304/", sandbox.Gateway.ToString(), StringComparison.Ordinal));
        return RunAsync(start);
    }

    private async Task<KubectlResult> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["KUBECONFIG"] = sandbox.KubeconfigPath;
        start.Environment["HOME"] = _home;
        start.Environment.Remove("KUBERNETES_SERVICE_HOST");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }
}
