using Bunit;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using DemoConsole.Web.Components.Panels.Cluster;

namespace DemoConsole.Web.Tests.Components;

public class ClusterViewPanelTests : ConsoleComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    private static PodView Pod(string ns, string name, bool sidecar, bool ready = true) => new(
        ns, name, ready ? 2 : 1, 2, ready ? "Running" : "ContainerCreating", 0, Now.AddMinutes(-5),
        [new ContainerView("app", "img", ready, 0, "running", false), .. sidecar ? new[] { new ContainerView("istio-proxy", "proxy", true, 0, "running", true) } : []],
        new WorkloadRef("Deployment", "prod-blog-service-deployment"), "node-1", ready ? "Running" : "Pending", false, new Dictionary<string, string>());

    private static ClusterViewsSnapshot Snapshot(IReadOnlyList<PodView> pods, IReadOnlyList<WorkloadView>? workloads = null, ConnectionStatus? connection = null)
    {
        var all = workloads ?? [];
        return new ClusterViewsSnapshot(connection ?? new ConnectionStatus(ConnectionState.Connected, null, Now), ClusterViewsOptions.DefaultNamespaces,
            pods, all, ReplicaCheck.Evaluate(all, "titanium-prod"), [], [], [], [new NamespaceMtls("titanium-prod", "STRICT", UiMessage.Verbatim("PeerAuthentication default"))], [], [], [], 1, Now)
        { Synced = true, ApplicationNamespace = "titanium-prod" };
    }

    private IRenderedComponent<ClusterViewPanel> Render(string kind, params (string Key, string Value)[] parameters) =>
        Render<ClusterViewPanel>(p => p.Add(x => x.View, new ViewDefinition("v", kind, "View", 6, parameters.ToDictionary(x => x.Key, x => x.Value), 1)));

    [Fact]
    public void Pods_NamespaceParameter_ShowsOnlyThatNamespaceLive()
    {
        var cut = Render(ViewKinds.Pods, ("namespace", "titanium-prod"));
        Assert.NotNull(cut.Find("[data-testid=view-waiting]"));

        ClusterViews.Publish(_ => Snapshot([Pod("titanium-prod", "blog-a", true), Pod("monitoring", "grafana-0", false)]));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=pods-table] tbody tr")));
        Assert.Contains("istio-proxy", cut.Find("[data-pod=blog-a] .sidecar").TextContent);

        ClusterViews.Publish(_ => Snapshot([Pod("titanium-prod", "blog-a", true), Pod("titanium-prod", "blog-b", true, ready: false)]));
        cut.WaitForAssertion(() => Assert.Equal("ContainerCreating", cut.Find("[data-pod=blog-b] [data-status]").TextContent));
    }

    [Fact]
    public void Workloads_OneMainServiceBelowTwoReplicas_CheckFailsNamingIt()
    {
        var cut = Render(ViewKinds.Workloads);
        WorkloadView Deployment(string name, int replicas) => new("titanium-prod", "Deployment", name, replicas, replicas, replicas, replicas, Now, new Dictionary<string, string>());

        ClusterViews.Publish(_ => Snapshot([], [Deployment("prod-blog-service-deployment", 2), Deployment("prod-user-service-deployment", 1)]));

        cut.WaitForAssertion(() => Assert.Contains("fail", cut.Find("[data-testid=replica-check]").ClassName));
        Assert.Contains("prod-user-service-deployment", cut.Find("[data-testid=replica-check]").TextContent);
    }

    [Fact]
    public void Architecture_WorkloadsInTheirLayersAndRegions_CountsAndHealthLive()
    {
        var cut = Render(ViewKinds.Architecture);
        WorkloadView Workload(string ns, string kind, string name, int desired, int ready, string? tier = null) =>
            new(ns, kind, name, desired, ready, ready, ready, Now, tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["tier"] = tier });
        IReadOnlyList<WorkloadView> World(int blogReady) =>
        [
            Workload("istio-system", "Deployment", "istio-ingressgateway", 1, 1),
            Workload("istio-system", "Deployment", "istiod", 1, 1),
            Workload("monitoring", "StatefulSet", "loki", 1, 0),
            Workload("titanium-prod", "Deployment", "prod-api-gateway-deployment", 2, 2),
            Workload("titanium-prod", "Deployment", "prod-blog-service-deployment", 3, blogReady),
            Workload("titanium-prod", "StatefulSet", "postgresql", 1, 1, "data"),
        ];

        ClusterViews.Publish(_ => Snapshot([], World(blogReady: 1)));

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid=architecture-workload]").Count));
        string[] Column(string caption) => [.. cut.FindAll($".arch-column[data-caption={caption}] [data-testid=architecture-workload]").Select(n => n.GetAttribute("data-name")!)];
        Assert.Equal(["istio-ingressgateway"], Column("Ingress"));
        Assert.Equal(["prod-api-gateway-deployment"], Column("Gateway"));
        Assert.Equal(["prod-blog-service-deployment"], Column("Services"));
        Assert.Equal(["postgresql"], Column("Data"));
        Assert.Contains("titanium-prod · mTLS STRICT", cut.Find("[data-testid=architecture-application]").TextContent);
        var blog = cut.Find("[data-name=prod-blog-service-deployment]");
        Assert.Contains("health-degraded", blog.ClassName);
        Assert.Contains("1/3", blog.TextContent);
        Assert.Contains("health-down", cut.Find("[data-name=loki]").ClassName);
        Assert.Equal(["istio-system", "monitoring", "argocd"], cut.FindAll("[data-testid=architecture-region]").Select(r => r.GetAttribute("data-namespace")!.Split(' ')[0]));

        ClusterViews.Publish(_ => Snapshot([], World(blogReady: 3)));
        cut.WaitForAssertion(() => Assert.Contains("health-healthy", cut.Find("[data-name=prod-blog-service-deployment]").ClassName));
        Assert.Contains("3/3", cut.Find("[data-name=prod-blog-service-deployment]").TextContent);
    }

    [Fact]
    public void Security_PodWithoutSidecar_IsNamed()
    {
        var cut = Render(ViewKinds.Security, ("namespace", "titanium-prod"));

        ClusterViews.Publish(_ => Snapshot([Pod("titanium-prod", "blog-a", true), Pod("titanium-prod", "legacy-0", false)]));

        cut.WaitForAssertion(() => Assert.Contains("legacy-0", cut.Find("[data-testid=sidecar-check]").TextContent));
        Assert.Contains("titanium-prod: STRICT", cut.Find("[data-testid=mtls-modes]").TextContent);
    }

    [Fact]
    public void Security_DatabaseOptedOutOfTheMesh_IsNotCountedAsMissing()
    {
        var cut = Render(ViewKinds.Security);

        ClusterViews.Publish(_ => Snapshot([Pod("titanium-prod", "blog-a", true), Pod("titanium-prod", "postgresql-0", false) with { SidecarOptOut = true }]));

        cut.WaitForAssertion(() => Assert.Contains("pass", cut.Find("[data-testid=sidecar-check]").ClassName));
        Assert.Contains("outside the mesh by choice", cut.Find("[data-testid=sidecar-check]").TextContent);
        Assert.Contains("postgresql-0", cut.Find("[data-testid=sidecar-check]").TextContent);
    }

    [Fact]
    public void ClusterBanner_Unavailable_SaysWhy()
    {
        var cut = Render<ClusterBanner>();

        ClusterViews.Publish(_ => Snapshot([], connection: new ConnectionStatus(ConnectionState.Unavailable, UiMessage.Verbatim("connection refused (127.0.0.1:1)"), Now)));

        cut.WaitForAssertion(() => Assert.Contains("connection refused", cut.Find("[data-testid=cluster-banner]").TextContent));
    }

    [Fact]
    public void SectionView_MovingFromALogsViewToASecurityView_TheNewViewGetsItsOwnLiveData()
    {
        ScenarioSection Section(string id, string kind, params (string Key, string Value)[] parameters) => new()
        {
            Title = id,
            Line = 1,
            Blocks = [new ViewBlock(2, new ViewDefinition(id, kind, id, 5, parameters.ToDictionary(x => x.Key, x => x.Value), 2))],
        };
        var errors = Section("log", ViewKinds.Logs, ("namespace", "titanium-prod"), ("selector", "app=api-gateway"), ("container", "api-gateway-container"));
        var security = Section("mesh", ViewKinds.Security, ("namespace", "titanium-prod"));
        var cut = Render<DemoConsole.Web.Components.Panels.SectionView>(p => p.Add(x => x.Section, errors).Add(x => x.Actor, Alice));

        cut.Render(p => p.Add(x => x.Section, security));
        ClusterViews.Publish(_ => Snapshot([Pod("titanium-prod", "blog-a", true)]));

        cut.WaitForAssertion(() => Assert.Contains("titanium-prod: STRICT", cut.Find("[data-testid=view-mesh] [data-testid=mtls-modes]").TextContent));
    }
}
