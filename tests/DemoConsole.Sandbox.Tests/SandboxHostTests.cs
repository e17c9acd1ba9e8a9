using System.Net;
using System.Net.Sockets;
using DemoConsole.Sandbox.Tests.Support;
using k8s;

namespace DemoConsole.Sandbox.Tests;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task StartAsync_RequestedPortTaken_FallsBackToAFreePort()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var taken = ((IPEndPoint)occupied.LocalEndpoint).Port;

        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = taken, GatewayPort = 0, PrometheusPort = 0, TimeScale = 0.01 });

        Assert.NotEqual(taken, sandbox.KubernetesApi.Port);
        Assert.Equal("127.0.0.1", sandbox.KubernetesApi.Host);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.KubeconfigPath));
        Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync()).Items);
    }

    [Fact]
    public async Task StartAsync_PrometheusPortTaken_FallsBackToAFreePort()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var taken = ((IPEndPoint)occupied.LocalEndpoint).Port;

        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = taken, TimeScale = 0.01 });

        Assert.NotEqual(taken, sandbox.Prometheus.Port);
        Assert.Equal(sandbox.Prometheus, sandbox.Alertmanager);
        using var http = new HttpClient { BaseAddress = sandbox.Prometheus };
        Assert.Contains("\"status\":\"success\"", await http.GetStringAsync(new Uri("api/v1/query?query=1", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PortTakenWithoutFallback_Throws()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var taken = ((IPEndPoint)occupied.LocalEndpoint).Port;

        await Assert.ThrowsAnyAsync<IOException>(() =>
            SandboxHost.StartAsync(new SandboxOptions { ApiPort = taken, GatewayPort = 0, PrometheusPort = 0, FallbackToFreePort = false }));
    }

    [Fact]
    public async Task DisposeAsync_TemporaryKubeconfig_IsWrittenThenRemoved()
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, TimeScale = 0.01 });
        var path = sandbox.KubeconfigPath;
        var content = await File.ReadAllTextAsync(path);

        await sandbox.DisposeAsync();

        Assert.Contains($"server: http://127.0.0.1:{sandbox.KubernetesApi.Port}", content, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task StartAsync_HostProcessHasKestrelConfiguration_SandboxIgnoresIt()
    {
        // Inside the console, the process's configuration (here: a Kestrel endpoint from the environment)
        // must not make the sandbox listen anywhere else.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Environment.SetEnvironmentVariable("Kestrel__Endpoints__Extra__Url", $"http://127.0.0.1:{port}");
        try
        {
            await using var sandbox = await TestSandbox.StartAsync();
            using var client = new TcpClient();

            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kestrel__Endpoints__Extra__Url", null);
        }
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ReportsEveryProblem()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            SandboxHost.StartAsync(new SandboxOptions { ApiPort = -1, BindAddress = "not-an-ip", TimeScale = -2 }));

        Assert.Contains("ApiPort", error.Message, StringComparison.Ordinal);
        Assert.Contains("BindAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("TimeScale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_Get_ReportsKubernetes132()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        var version = await client.Version.GetCodeAsync();

        Assert.Equal("1", version.Major);
        Assert.Equal("32", version.Minor);
    }
}
