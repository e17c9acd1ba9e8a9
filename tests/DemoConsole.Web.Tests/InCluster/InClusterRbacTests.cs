using System.Text.RegularExpressions;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.StopAll;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Replicas;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.InCluster;

/// <summary>
/// Least privilege proven on the sandbox, which enforces RBAC for service-account tokens: with exactly the RBAC of
/// docker/kubernetes/base the console in <c>InCluster</c> mode shows every view and runs every action kind of the default
/// scenario and stop everything; and each rule (and each binding) taken away breaks the feature it is there for, with
/// the API server's 403 in the console's words — so no rule is unused and none is missing.
/// </summary>
[Collection(nameof(InClusterCollection))]
public sealed class InClusterRbacTests
{
    private const string App = "titanium-prod";
    private static readonly LogTailRequest GatewayLogs = new(App, "app.kubernetes.io/name=titanium,app=api-gateway", "api-gateway-container", 20);

    [Fact]
    public async Task WithTheManifestsRbac_EveryViewActionKindAndStopEverythingWork()
    {
        await using var world = await InClusterConsole.StartAsync();

        // Every view has content once each informer has listed: none of them may be left out by the RBAC.
        var views = await world.SettledViewsAsync(s => s.Applications.Count > 0 && s.AlertRules.Count > 0 && s.Autoscalers.Count > 0
            && s.NetworkPolicies.Count > 0 && s.PeerAuthentications.Count > 0);
        Assert.Equal(ConnectionState.Connected, views.Connection.State);
        Assert.Empty(views.Problems);
        Assert.All(InClusterWorldNamespaces, ns => Assert.Contains(views.Pods, p => p.Namespace == ns));
        Assert.NotEmpty(views.Workloads);
        var tail = await FollowLogsAsync(world, s => s.LinesRead > 0 || s.Problem is not null);
        Assert.Null(tail.Problem);

        var runs = new List<ActionRunSnapshot>
        {
            await world.RunAsync("load-generator-apply", preview: true),
            await world.RunAsync("kill-blog-pod", preview: true),
            await world.RunAsync("availability-check", preview: false),
            await world.RunAsync("errors-404", preview: false),
            await world.RunAsync("traffic-burst", preview: false),
            await world.RunAsync("demo-commit", preview: true, TimeSpan.FromMinutes(3)),
            await world.RunAsync("load-generator-delete", preview: true),
            await world.RunAsync("load-generator-apply", preview: true),
        };
        Assert.All(runs, r => Assert.True(r.Status == ActionRunStatus.Succeeded, $"{r.ActionId}: {r.Status}: {r.Message}"));
        Assert.True(world.Executor.Start(InClusterConsole.Presenter, "background-traffic").Started);
        var stop = await world.Console.Services.GetRequiredService<StopEverything>().RunAsync(InClusterConsole.Presenter, CancellationToken.None);

        Assert.Contains(stop.Stopped, s => s.ActionId == "background-traffic");
        var removed = Assert.Single(stop.Removed);
        Assert.Equal(("load-generator", "deleted", false), (removed.Name, removed.Outcome.ToString(), removed.Failed));
    }

    /// <summary>
    /// Each rule and binding of rbac.yaml, what taking it away does, and (a regular expression of) the words the console
    /// shows for it. The views' banner names one failing informer, whichever failed last; the optional views list theirs.
    /// </summary>
    public static readonly TheoryData<string, string[], string, string> Rules = new()
    {
        { "view: pods list/watch", Remove("clusterrole", "demo-console-view", null, 0), "views", @"Not allowed to read pods in \S+ \(403\)" },
        { "view: deployments, statefulsets list/watch", Remove("clusterrole", "demo-console-view", null, 1), "views", @"Not allowed to read (deployments|statefulsets) in \S+ \(403\)" },
        { "view: horizontalpodautoscalers list/watch", Remove("clusterrole", "demo-console-view", null, 2), "views", @"Not allowed to read horizontalpodautoscalers in titanium-prod \(403\)" },
        { "view: networkpolicies list/watch", Remove("clusterrole", "demo-console-view", null, 3), "views", @"Not allowed to read networkpolicies in titanium-prod \(403\)" },
        { "view: peerauthentications list/watch", Remove("clusterrole", "demo-console-view", null, 4), "views", @"Not allowed to read peerauthentications\.security\.istio\.io in istio-system \(403\)" },
        { "view: applications list/watch", Remove("clusterrole", "demo-console-view", null, 5), "views", @"Not allowed to read applications\.argoproj\.io in argocd \(403\)" },
        { "view: prometheusrules list/watch", Remove("clusterrole", "demo-console-view", null, 6), "views", @"Not allowed to read prometheusrules\.monitoring\.coreos\.com in monitoring \(403\)" },
        { "operate: pods delete", Remove("role", "demo-console-operate", App, 0), "kill-blog-pod",
            @"pods ""prod-blog-service-deployment-\S+"" is forbidden: User ""system:serviceaccount:demo-console:demo-console"" cannot delete resource ""pods"" in API group """" in the namespace ""titanium-prod""" },
        { "operate: pods/log get", Remove("role", "demo-console-operate", App, 1), "logs", @"Not allowed to read the log of prod-api-gateway-deployment-\S+ \(403\)" },
        { "operate: deployments get", Remove("role", "demo-console-operate", App, 2), "kill-blog-pod",
            @"deployments\.apps ""prod-blog-service-deployment"" is forbidden: User ""system:serviceaccount:demo-console:demo-console"" cannot get resource ""deployments"" in API group ""apps"" in the namespace ""titanium-prod""" },
        { "operate: deployments patch", Remove("role", "demo-console-operate", App, 3), "load-generator-apply",
            @"deployments\.apps ""load-generator"" is forbidden: User ""system:serviceaccount:demo-console:demo-console"" cannot patch resource ""deployments"" in API group ""apps"" in the namespace ""titanium-prod""" },
        { "operate: deployments delete", Remove("role", "demo-console-operate", App, 4), "load-generator-delete",
            @"deployments\.apps ""load-generator"" is forbidden: User ""system:serviceaccount:demo-console:demo-console"" cannot delete resource ""deployments"" in API group ""apps"" in the namespace ""titanium-prod""" },
        { "leader: leases get/update demo-console-leader", Remove("role", "demo-console-leader", InClusterConsole.ConsoleNamespace, 0), "leadership",
            @"^leases\.coordination\.k8s\.io ""demo-console-leader"" is forbidden: User ""system:serviceaccount:demo-console:demo-console"" cannot get resource ""leases"" in API group ""coordination\.k8s\.io"" in the namespace ""demo-console"" \(403\) \| leads: False$" },
        { "leader: leases create", Remove("role", "demo-console-leader", InClusterConsole.ConsoleNamespace, 1), "leadership",
            @"^leases\.coordination\.k8s\.io is forbidden: User ""system:serviceaccount:demo-console:demo-console"" cannot create resource ""leases"" in API group ""coordination\.k8s\.io"" in the namespace ""demo-console"" \(403\) \| leads: False$" },
        { "binding: operate in titanium-prod", Unbind("demo-console-operate", App), "load-generator-apply", @"cannot patch resource ""deployments""" },
        { "binding: view in titanium-prod", Unbind("demo-console-view", App), "views", @"Not allowed to read \S+ in titanium-prod \(403\)" },
        { "binding: view in istio-system", Unbind("demo-console-view", "istio-system"), "views", @"Not allowed to read \S+ in istio-system \(403\)" },
        { "binding: view in monitoring", Unbind("demo-console-view", "monitoring"), "views", @"Not allowed to read \S+ in monitoring \(403\)" },
        { "binding: view in argocd", Unbind("demo-console-view", "argocd"), "views", @"Not allowed to read \S+ in argocd \(403\)" },
        { "binding: leader in demo-console", Unbind("demo-console-leader", InClusterConsole.ConsoleNamespace), "leadership",
            @"^leases\.coordination\.k8s\.io ""demo-console-leader"" is forbidden: .* cannot get resource ""leases"" .* \| leads: False$" },
    };

    private static readonly string[] InClusterWorldNamespaces = ["titanium-prod", "istio-system", "monitoring", "argocd"];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task WithoutARule_ItsFeatureFailsWithTheApiServersRefusal(string rule, string[] without, string feature, string expected)
    {
        await using var redis = feature == "leadership" ? await RealRedis.StartAsync() : null;
        await using var world = await InClusterConsole.StartAsync(redis, without);

        var pattern = new Regex(expected);
        var shown = feature switch
        {
            "leadership" => await ElectionProblemAsync(world, pattern),
            "views" => await ViewProblemsAsync(world, pattern),
            "logs" => (await FollowLogsAsync(world, s => s.Problem is not null)).Problem!.ToString(),
            "load-generator-delete" => await DeleteAfterApplyAsync(world),
            _ => await FailureAsync(world, feature),
        };

        Assert.True(pattern.IsMatch(shown), $"without {rule}, {feature} showed: {shown}");
    }

    /// <summary>
    /// With the RBAC of overlays/replicas, a console sharing a Redis (as a replica) leads through the Lease in its own
    /// namespace, which holds its replica id, as <c>kubectl get lease</c> shows, and gives it back when it stops.
    /// </summary>
    [Fact]
    public async Task WithTheLeaderElectionRbac_TheReplicaLeadsThroughTheLeaseInItsNamespace()
    {
        await using var redis = await RealRedis.StartAsync();
        await using var world = await InClusterConsole.StartAsync(redis);
        var leadership = world.Console.Services.GetRequiredService<ReplicaLeadership>();

        await AsyncWait.UntilAsync(() => leadership.IsLeader, "the console to lead");
        var holder = await KubectlCommand.RunAsync(world.Sandbox.KubeconfigPath,
            "get", "lease", LeaseLocation.LeaseName, "-n", InClusterConsole.ConsoleNamespace, "-o", "jsonpath={.spec.holderIdentity}");

        Assert.Equal(world.Console.Services.GetRequiredService<RedisReplicaConnection>().ReplicaId, holder);
        Assert.Equal(holder, await leadership.CurrentLeaderAsync());
        Assert.Null(world.Console.Services.GetRequiredService<ILeaderElection>().Problem);
        Assert.IsType<KubernetesLeaseElection>(world.Console.Services.GetRequiredService<ILeaderElection>());

        // A clean stop gives the Lease back (its holder emptied), so another replica leads at its next try.
        await leadership.StopAsync(CancellationToken.None);
        var released = await KubectlCommand.RunAsync(world.Sandbox.KubeconfigPath,
            "get", "lease", LeaseLocation.LeaseName, "-n", InClusterConsole.ConsoleNamespace, "-o", "jsonpath={.spec.holderIdentity}");
        Assert.False(leadership.IsLeader);
        Assert.Equal("", released);
        Assert.Null(await leadership.CurrentLeaderAsync());
    }

    /// <summary>
    /// A leader that can no longer renew its Lease (here: its rights taken away while it leads; an unreachable API server
    /// takes the same way) steps down once the renewal deadline has passed, before another replica could take the
    /// Lease over, and says why in the API server's words.
    /// </summary>
    [Fact]
    public async Task LeaderThatCannotRenewItsLease_StepsDownAndSaysWhy()
    {
        await using var redis = await RealRedis.StartAsync();
        await using var world = await InClusterConsole.StartAsync(redis);
        var leadership = world.Console.Services.GetRequiredService<ReplicaLeadership>();
        var election = world.Console.Services.GetRequiredService<ILeaderElection>();
        await AsyncWait.UntilAsync(() => leadership.IsLeader, "the console to lead");

        await KubectlCommand.RunAsync(world.Sandbox.KubeconfigPath, Unbind("demo-console-leader", InClusterConsole.ConsoleNamespace));
        await AsyncWait.UntilAsync(() => !leadership.IsLeader, "the leader to step down");

        Assert.Matches(@"^leases\.coordination\.k8s\.io ""demo-console-leader"" is forbidden: .* cannot get resource ""leases""", election.Problem);
    }

    /// <summary>The election's problem once it is the expected one (or the last seen), and whether the replica leads.</summary>
    private static async Task<string> ElectionProblemAsync(InClusterConsole world, Regex expected)
    {
        var election = world.Console.Services.GetRequiredService<ILeaderElection>();
        var leadership = world.Console.Services.GetRequiredService<ReplicaLeadership>();
        string Shown() => $"{election.Problem} | leads: {leadership.IsLeader}";
        try
        {
            await AsyncWait.UntilAsync(() => expected.IsMatch(Shown()), "the election to report the refusal", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }

        return Shown();
    }

    private static string[] Remove(string kind, string name, string? ns, int index) =>
        ["patch", kind, name, .. ns is null ? Array.Empty<string>() : ["-n", ns], "--type=json", "-p", $"[{{\"op\":\"remove\",\"path\":\"/rules/{index}\"}}]"];

    private static string[] Unbind(string binding, string ns) => ["delete", "rolebinding", binding, "-n", ns];

    /// <summary>The banner's problem and the optional views' problems, once they show the expected one (or the last seen).</summary>
    private static async Task<string> ViewProblemsAsync(InClusterConsole world, Regex expected)
    {
        var shown = "";
        try
        {
            await AsyncWait.ForAsync(world.Views.WatchAsync, s =>
            {
                shown = string.Join(" | ", [s.Connection.Problem, .. s.Problems]);
                return expected.IsMatch(shown);
            }, "the views to report the refusal", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }

        return shown;
    }

    private static async Task<LogTailSnapshot> FollowLogsAsync(InClusterConsole world, Func<LogTailSnapshot, bool> done)
    {
        var logs = world.Console.Services.GetRequiredService<ILogTail>();
        return await AsyncWait.ForAsync(ct => logs.FollowAsync(GatewayLogs, ct), done, "the gateway's log tail", TimeSpan.FromSeconds(60));
    }

    /// <summary>What a run or its preview said when the API refused it.</summary>
    private static async Task<string> FailureAsync(InClusterConsole world, string actionId)
    {
        var run = await world.RunAsync(actionId, preview: true);
        return $"{run.Status}: {run.Message}";
    }

    /// <summary>Delete-manifest and stop everything both need delete; the apply before them must still work.</summary>
    private static async Task<string> DeleteAfterApplyAsync(InClusterConsole world)
    {
        var applied = await world.RunAsync("load-generator-apply", preview: true);
        Assert.True(applied.Status == ActionRunStatus.Succeeded, applied.Message?.ToString());
        var stop = await world.Console.Services.GetRequiredService<StopEverything>().RunAsync(InClusterConsole.Presenter, CancellationToken.None);
        var removed = Assert.Single(stop.Removed);
        Assert.True(removed.Failed, removed.Outcome.ToString());
        return $"{await FailureAsync(world, "load-generator-delete")} | stop everything: {removed.Outcome}";
    }
}
