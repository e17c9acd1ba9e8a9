using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DemoConsole.Benchmarks.Load;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Api;
using k8s;

namespace DemoConsole.Benchmarks.Audience;

/// <summary>
/// The published console started cold (default settings, embedded sandbox) for one measurement, with the session on
/// part 6 (the live workloads and pods views) and a KubernetesClient on its sandbox's API; loopback only. A further
/// replica (<see cref="StartReplicaAsync"/>) shares a first one's Redis and uses its sandbox as its cluster, as replicas
/// in a cluster share one. Disposing stops the process this benchmark started.
/// </summary>
internal sealed class BenchConsole : IDisposable
{
    private BenchConsole(Process process, Uri address, HttpClient api, SandboxDto sandbox)
    {
        Process = process;
        Address = address;
        Api = api;
        Sandbox = sandbox;
        Kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.Kubeconfig));
    }

    public Process Process { get; }

    public Uri Address { get; }

    /// <summary>The API as the presenter (bearer key).</summary>
    public HttpClient Api { get; }

    public Kubernetes Kube { get; }

    /// <summary>The sandbox this console's cluster is (its own, or the first replica's).</summary>
    public SandboxDto Sandbox { get; }

    public static Task<BenchConsole> StartAsync(PublishedConsole cli, double timeScale, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(cli, timeScale, settings ?? new Dictionary<string, string>(), sandbox: null);

    /// <summary>Another replica of <paramref name="first"/>: its Redis settings, and <paramref name="first"/>'s sandbox as its cluster, metrics and gateway.</summary>
    public static Task<BenchConsole> StartReplicaAsync(PublishedConsole cli, double timeScale, IReadOnlyDictionary<string, string> redis, BenchConsole first) =>
        StartAsync(cli, timeScale, new Dictionary<string, string>(redis)
        {
            ["DemoConsole__Cluster__Mode"] = "Kubeconfig",
            ["DemoConsole__Cluster__Kubeconfig"] = first.Sandbox.Kubeconfig,
            ["DemoConsole__Prometheus__Url"] = first.Sandbox.Prometheus?.ToString() ?? "",
            ["DemoConsole__Alertmanager__Url"] = first.Sandbox.Alertmanager?.ToString() ?? "",
            ["DemoConsole__GatewayUrl"] = first.Sandbox.Gateway.ToString(),
        }, first.Sandbox);

    private static async Task<BenchConsole> StartAsync(PublishedConsole cli, double timeScale, IReadOnlyDictionary<string, string> settings, SandboxDto? sandbox)
    {
        var port = RealPrometheus.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>
        {
            ["DemoConsole__Auth__PresenterKey"] = ConsoleWebFactory.PresenterKey,
            ["DemoConsole__Auth__ViewerToken"] = ConsoleWebFactory.ViewerToken,
            // Every screen here comes from one loopback address (an audience's come from one each): past the sign-in limit.
            ["DemoConsole__Auth__SignInPerMinute"] = "100000",
            ["DemoConsole__StateFile"] = "",
            ["DemoConsole__Cluster__SandboxTimeScale"] = timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var process = cli.StartConsole(port, environment);
        var api = new HttpClient { BaseAddress = address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        await AsyncWait.UntilAsync(async () =>
        {
            try
            {
                return (await api.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the console to be ready", TimeSpan.FromSeconds(90));
        (await api.PostAsync(new Uri("/api/session/part/6", UriKind.Relative), null)).EnsureSuccessStatusCode();
        sandbox ??= await api.GetFromJsonAsync<SandboxDto>("/api/sandbox") ?? throw new InvalidOperationException("no sandbox");
        if (!sandbox.KubernetesApi.IsLoopback)
        {
            throw new InvalidOperationException($"refusing to measure anything but loopback: {sandbox.KubernetesApi}");
        }

        return new BenchConsole(process, address, api, sandbox);
    }

    /// <summary>The audience link's cookie (<c>/auth/watch?t=…</c>), for clients that send it themselves.</summary>
    public async Task<string> ViewerCookieAsync()
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = Address };
        using var response = await http.GetAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            throw new InvalidOperationException($"the audience link answered {(int)response.StatusCode} without a cookie");
        }

        return string.Join("; ", cookies.Select(c => c.Split(';')[0]));
    }

    public void Dispose()
    {
        Kube.Dispose();
        Api.Dispose();
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
