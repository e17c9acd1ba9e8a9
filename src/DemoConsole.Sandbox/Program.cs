// Standalone sandbox: a shared rehearsal twin of the Titanium platform (issue 3). Ctrl+C stops it.
using DemoConsole.Sandbox;
using Microsoft.Extensions.Logging;

if (CommandLine.IsHelp(args))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var (options, problems) = CommandLine.Parse(args);
if (options is null)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"error: {problem}");
    }

    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// SIGTERM (docker stop, systemd, kill) stops it as cleanly as Ctrl+C.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

// The sandbox's own faults (a simulated controller or transition that threw) are printed, not only kept in memory.
using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
SandboxHost sandbox;
try
{
    sandbox = await SandboxHost.StartAsync(options with { Logger = logging.CreateLogger("DemoConsole.Sandbox") }, stop.Token);
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: cannot start the sandbox: {e.Message}");
    return 1;
}

await using var running = sandbox;
Console.WriteLine($"Kubernetes API: {sandbox.KubernetesApi}");
Console.WriteLine($"  over TLS:     {sandbox.KubernetesApiSecure} (service-account tokens; CA: GET /sandbox/v1/ca.crt)");
Console.WriteLine($"Gateway:        {sandbox.Gateway}");
Console.WriteLine($"Prometheus:     {sandbox.Prometheus}");
Console.WriteLine($"Alertmanager:   {sandbox.Alertmanager}");
Console.WriteLine($"Kubeconfig:     {sandbox.KubeconfigPath}");
Console.WriteLine($"GitHub:         {sandbox.GitHub} (Enterprise base address; token {sandbox.GitHubToken})");
Console.WriteLine($"Try: KUBECONFIG={sandbox.KubeconfigPath} kubectl get pods -n titanium-prod");
Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping.");
}

return 0;
