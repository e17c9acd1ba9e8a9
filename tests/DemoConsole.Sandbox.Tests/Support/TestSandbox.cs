using k8s;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>Starts a private sandbox for one test: free ports, fast clock, kubeconfig in its own temp directory.</summary>
internal static class TestSandbox
{
    public const double FastTimeScale = 0.01;

    public static Task<SandboxHost> StartAsync(double timeScale = FastTimeScale) =>
        SandboxHost.StartAsync(Options(timeScale));

    public static SandboxOptions Options(double timeScale = FastTimeScale) => new()
    {
        ApiPort = 0,
        GatewayPort = 0,
        PrometheusPort = 0,
        GitHubPort = 0,
        TimeScale = timeScale,
    };

    /// <summary>The real KubernetesClient, configured the way the console configures it: from the kubeconfig file.</summary>
    public static Kubernetes Client(SandboxHost sandbox) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.KubeconfigPath));

    public static HttpClient Gateway(SandboxHost sandbox) => new() { BaseAddress = sandbox.Gateway, Timeout = TimeSpan.FromSeconds(30) };
}
