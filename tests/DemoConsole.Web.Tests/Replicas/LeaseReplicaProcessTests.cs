using System.Diagnostics;
using System.Globalization;
using DemoConsole.Core.Messages;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Replicas;
using DemoConsole.Web.Tests.InCluster;
using Xunit.Abstractions;
using static DemoConsole.Web.Tests.Replicas.ReplicaApi;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// Console processes as pods of overlays/replicas: each in <c>InCluster</c> mode with the manifests' service account
/// and RBAC against one sandbox API server (the kubelet's files in a folder, KUBERNETES_SERVICE_HOST/PORT in its
/// environment), sharing one real Redis, the leader chosen by the Lease (the default in a pod). The Lease names the
/// leader as kubectl shows it; a leader killed with SIGKILL is replaced, and the run it had ends as interrupted.
/// </summary>
public sealed class LeaseReplicaProcessTests(ITestOutputHelper output) : ReplicaProcessTest(output)
{
    private SandboxHost _sandbox = null!;
    private string _podFiles = null!;

    protected override async Task StartMoreAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, GitHubPort = 0, TimeScale = 0.01,
            KubeconfigPath = Path.Combine(Directory.CreateTempSubdirectory("lease-replicas-admin-").FullName, "kubeconfig"),
        });
        _podFiles = await InClusterConsole.PodFilesAsync(_sandbox);
    }

    protected override async Task StopMoreAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_podFiles, recursive: true);
    }

    [Fact]
    public async Task LeaderKilled_TheOtherTakesTheLease_AndTheRunItHadEndsAsInterrupted_FailOverMeasured()
    {
        var leader = await StartAsync();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(leader)).GetProperty("leads").GetBoolean(), "the first replica to lead");
        var follower = await StartFollowerAsync(leader);
        Assert.Equal(await NameAsync(leader), await HolderAsync());
        Output.WriteLine(await KubectlCommand.RunAsync(_sandbox.KubeconfigPath, "get", "lease", "-n", InClusterConsole.ConsoleNamespace));

        var runId = await RunAsync(follower, "background-traffic");
        await AsyncWait.UntilAsync(async () => (await RunOnAsync(follower, runId)).GetProperty("status").GetString() == "running", "the follower to show the run");
        var failOvers = new List<TimeSpan> { await KillAndMeasureAsync(leader, follower) };
        await AsyncWait.UntilAsync(async () => (await RunOnAsync(follower, runId)).GetProperty("status").GetString() != "running", "the run to end on the new leader's board");

        var run = await RunOnAsync(follower, runId);
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(new UiMessage("Actions_Interrupted").Format(CultureInfo.GetCultureInfo("ko-KR")), run.GetProperty("message").GetString());
        Assert.Equal(await NameAsync(follower), await HolderAsync());

        // More kills of whoever leads, each with a fresh replica following it, for the fail-over figures.
        for (var i = 0; i < 3; i++)
        {
            var next = await StartFollowerAsync(follower);
            failOvers.Add(await KillAndMeasureAsync(follower, next));
            follower = next;
        }

        Output.WriteLine($"fail-over (kill -9 of the leader -> the other's /api/replica says it leads), Lease {KubernetesLeaseElection.LeaseDuration.TotalSeconds:F0} s / "
            + $"renew deadline {KubernetesLeaseElection.RenewDeadline.TotalSeconds:F0} s / retry {KubernetesLeaseElection.RetryPeriod.TotalSeconds:F0} s: "
            + string.Join(", ", failOvers.Select(f => f.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture))) + " s");
    }

    /// <summary>Kills the leader and returns how long until the other replica says it leads (the Lease then names it).</summary>
    private async Task<TimeSpan> KillAndMeasureAsync(ConsoleProcess leader, ConsoleProcess follower)
    {
        leader.KillHard();
        var killed = Stopwatch.StartNew();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leads").GetBoolean(), "the follower to lead");
        var took = killed.Elapsed;
        Assert.Equal(await NameAsync(follower), await HolderAsync());
        return took;
    }

    private async Task<ConsoleProcess> StartFollowerAsync(ConsoleProcess leader)
    {
        var follower = await StartAsync();
        var leaderName = await NameAsync(leader);
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leader").GetString() == leaderName, "the new replica to see the leader");
        Assert.False((await ReplicaAsync(follower)).GetProperty("leads").GetBoolean());
        return follower;
    }

    private async Task<ConsoleProcess> StartAsync()
    {
        var settings = Redis.ReplicaSettings();
        settings["KUBERNETES_SERVICE_HOST"] = _sandbox.KubernetesApiSecure.Host;
        settings["KUBERNETES_SERVICE_PORT"] = _sandbox.KubernetesApiSecure.Port.ToString(CultureInfo.InvariantCulture);
        settings["DemoConsole__Cluster__Mode"] = "InCluster";
        settings["DemoConsole__Cluster__ServiceAccountFolder"] = _podFiles;
        settings["DemoConsole__GatewayUrl"] = _sandbox.Gateway.ToString();
        settings["DemoConsole__Prometheus__Url"] = _sandbox.Prometheus.ToString();
        settings["DemoConsole__Alertmanager__Url"] = _sandbox.Alertmanager.ToString();
        settings["DemoConsole__GitHub__Url"] = _sandbox.GitHub.ToString();
        settings["DemoConsole__GitHub__Token"] = _sandbox.GitHubToken;
        var console = await ConsoleProcess.StartAsync([], settings);
        Consoles.Add(console);
        return console;
    }

    private static async Task<string?> NameAsync(ConsoleProcess console) => (await ReplicaAsync(console)).GetProperty("replica").GetString();

    /// <summary>The Lease's holder as the real kubectl reads it.</summary>
    private Task<string> HolderAsync() => KubectlCommand.RunAsync(_sandbox.KubeconfigPath,
        "get", "lease", LeaseLocation.LeaseName, "-n", InClusterConsole.ConsoleNamespace, "-o", "jsonpath={.spec.holderIdentity}");
}
