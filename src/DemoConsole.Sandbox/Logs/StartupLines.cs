namespace DemoConsole.Sandbox.Logs;

/// <summary>What each container prints when it starts, so <c>kubectl logs</c> of a fresh pod is not empty.</summary>
internal static class StartupLines
{
    public static IEnumerable<string> For(string container, string image, string pod)
    {
        var version = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "latest";
        if (container == "istio-proxy")
        {
            return
            [
                "info\tFIPS mode disabled",
                $"info\tVersion {version}",
                "info\tProxy role\tips=[] type=sidecar id=" + pod,
                "info\tEnvoy proxy is ready",
            ];
        }

        var service = container.Replace("-container", "", StringComparison.Ordinal);
        return
        [
            $"INFO  Starting {service} {version}",
            $"INFO  Configuration loaded (pod {pod})",
            "INFO  Connected to dependencies",
            $"INFO  {service} listening on 0.0.0.0:8000",
        ];
    }
}
