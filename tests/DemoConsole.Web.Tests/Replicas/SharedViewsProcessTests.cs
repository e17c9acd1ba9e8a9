using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using k8s;
using Xunit.Abstractions;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// Two console processes as two pods of one Deployment: one cluster (a sandbox started on its own, each console in
/// <c>Kubeconfig</c> mode), one real Redis. Each console is given the API server under another name (127.0.0.1 and
/// localhost), so the sandbox's request journal tells whose requests it got. With Redis only the leader watches; the
/// follower's audience screen still shows a pod deleted behind the console's back. Without Redis each watches (the
/// baseline, unchanged).
/// </summary>
public sealed class SharedViewsProcessTests(ITestOutputHelper output) : ReplicaProcessTest(output)
{
    private const string LeaderHost = "127.0.0.1";
    private const string FollowerHost = "localhost";
    private SharedCluster _shared = null!;

    protected override async Task StartMoreAsync()
    {
        _shared = await SharedCluster.StartAsync();
    }

    protected override async Task StopMoreAsync()
    {
        await _shared.DisposeAsync();
    }

    [Fact]
    public async Task WithRedis_OnlyTheLeaderWatches_AndTheFollowersAudienceSeesPodsDeleted()
    {
        var leader = await StartAsync(LeaderHost, shared: true);
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(leader)).GetProperty("leads").GetBoolean(), "the first replica to lead");
        var follower = await StartAsync(FollowerHost, shared: true);
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leader").GetString() == (await ReplicaAsync(leader)).GetProperty("replica").GetString(),
            "the second replica to follow the first");

        await using var onLeader = await AudienceStreamReader.OpenAsync(leader.Address);
        await using var onFollower = await AudienceStreamReader.OpenAsync(follower.Address);
        await MoveToPodsPartAsync(follower);
        await AsyncWait.UntilAsync(() => onFollower.Latest.Contains("data-pod=", StringComparison.Ordinal), "the follower's audience to show the pods");

        var toLeader = new List<double>();
        var toFollower = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var victim = await ShownPodAsync(onFollower);
            await AsyncWait.UntilAsync(() => onLeader.ShowsPod(victim), "the leader's audience to show the pod");
            var deleted = Stopwatch.GetTimestamp();
            await _shared.Kube.CoreV1.DeleteNamespacedPodAsync(victim, "titanium-prod");
            long? followerGone = null, leaderGone = null;
            await AsyncWait.UntilAsync(() => (followerGone = onFollower.GoneAt(victim, deleted)) is not null && (leaderGone = onLeader.GoneAt(victim, deleted)) is not null,
                $"both audiences to show {victim} gone");
            toFollower.Add(Stopwatch.GetElapsedTime(deleted, followerGone!.Value).TotalMilliseconds);
            toLeader.Add(Stopwatch.GetElapsedTime(deleted, leaderGone!.Value).TotalMilliseconds);
        }

        Output.WriteLine($"pod deleted -> gone from the follower's light audience view (20 deletions): {Percentiles(toFollower)}");
        Output.WriteLine($"pod deleted -> gone from the leader's light audience view (same deletions): {Percentiles(toLeader)}");
        Output.WriteLine($"the follower after the leader (same deletions): {Percentiles([.. toFollower.Zip(toLeader, (f, l) => f - l)])}");

        var watches = WatchesByHost();
        Output.WriteLine($"watch requests the API server got, by replica: {string.Join(", ", watches.Select(w => $"{w.Key}: {w.Value.Count} ({w.Value.Distinct().Count()} distinct)"))}");
        Assert.True(watches.TryGetValue(LeaderHost, out var leaders) && leaders.Count > 0, "the leader watches the cluster");
        Assert.False(watches.ContainsKey(FollowerHost), $"the follower watched: {string.Join(", ", watches.GetValueOrDefault(FollowerHost) ?? [])}");
    }

    [Fact]
    public async Task WithoutRedis_EachConsoleWatchesTheClusterItself()
    {
        await StartAsync(LeaderHost, shared: false);
        var second = await StartAsync(FollowerHost, shared: false);
        await using var onSecond = await AudienceStreamReader.OpenAsync(second.Address);
        await MoveToPodsPartAsync(second);
        await AsyncWait.UntilAsync(() => onSecond.Latest.Contains("data-pod=", StringComparison.Ordinal), "the second console's audience to show the pods");

        // Both have listed and watch every view: the same set of watched paths.
        await AsyncWait.UntilAsync(() => WatchesByHost() is var w && w.TryGetValue(LeaderHost, out var a) && w.TryGetValue(FollowerHost, out var b)
            && a.ToHashSet().SetEquals(b), "both consoles to watch the same resources");
        var watches = WatchesByHost();
        Output.WriteLine($"watch requests the API server got, by console: {string.Join(", ", watches.Select(w => $"{w.Key}: {w.Value.Count} ({w.Value.Distinct().Count()} distinct)"))}");
    }

    /// <summary>The paths each console watched (a watch is a GET with watch=true), keyed by the host name it was given.</summary>
    private Dictionary<string, List<string>> WatchesByHost() => _shared.Host.Journal.Requests
        .Where(r => r.Method == "GET" && (r.Query.Contains("watch=true", StringComparison.Ordinal) || r.Query.Contains("watch=1", StringComparison.Ordinal)))
        .GroupBy(r => (r.Host ?? "").Split(':')[0])
        .ToDictionary(g => g.Key, g => g.Select(r => r.Path).ToList());

    /// <summary>A blog-service pod the screen shows that is not already being deleted.</summary>
    private async Task<string> ShownPodAsync(AudienceStreamReader screen)
    {
        string? victim = null;
        await AsyncWait.UntilAsync(async () =>
        {
            var pods = await _shared.Kube.CoreV1.ListNamespacedPodAsync("titanium-prod", labelSelector: "app=blog-service");
            victim = pods.Items.Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Name).FirstOrDefault(screen.ShowsPod);
            return victim is not null;
        }, "a blog-service pod on the screen");
        return victim!;
    }

    private static string Percentiles(List<double> took)
    {
        var sorted = took.Order().ToList();
        return $"p50 {sorted[(sorted.Count - 1) / 2]:F0} ms, p95 {sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1]:F0} ms, max {sorted[^1]:F0} ms";
    }

    private async Task<ConsoleProcess> StartAsync(string apiHost, bool shared)
    {
        var settings = Redis.ReplicaSettings();
        if (!shared)
        {
            settings.Remove("DemoConsole__Redis");
        }

        settings["DemoConsole__Cluster__Mode"] = "Kubeconfig";
        settings["DemoConsole__Cluster__Kubeconfig"] = KubeconfigFor(apiHost);
        settings["DemoConsole__Prometheus__Url"] = _shared.Host.Prometheus.ToString();
        var console = await ConsoleProcess.StartAsync([], settings);
        Consoles.Add(console);
        return console;
    }

    /// <summary>The sandbox's kubeconfig with the API server under <paramref name="host"/>.</summary>
    private string KubeconfigFor(string host)
    {
        var path = Path.Combine(Path.GetDirectoryName(_shared.Host.KubeconfigPath)!, $"kubeconfig-{host}");
        File.WriteAllText(path, File.ReadAllText(_shared.Host.KubeconfigPath).Replace($"server: {_shared.Host.KubernetesApi.Scheme}://127.0.0.1:", $"server: {_shared.Host.KubernetesApi.Scheme}://{host}:", StringComparison.Ordinal));
        return path;
    }

    private static HttpClient Api(ConsoleProcess console)
    {
        var api = new HttpClient { BaseAddress = console.Address, Timeout = TimeSpan.FromSeconds(20) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleProcess.PresenterKey);
        return api;
    }

    private static async Task<JsonElement> ReplicaAsync(ConsoleProcess console)
    {
        using var api = Api(console);
        return await api.GetFromJsonAsync<JsonElement>("/api/replica");
    }

    /// <summary>Part 6 (high availability): the audience screen lists the application's pods.</summary>
    private static async Task MoveToPodsPartAsync(ConsoleProcess console)
    {
        using var api = Api(console);
        (await api.PostAsync("/api/session/part/6", null)).EnsureSuccessStatusCode();
    }
}
