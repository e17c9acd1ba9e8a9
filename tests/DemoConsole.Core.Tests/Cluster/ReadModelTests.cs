using DemoConsole.Core.Cluster;
using k8s.Models;

namespace DemoConsole.Core.Tests.Cluster;

/// <summary>The mappings from API objects to what the pages show, on hand-built objects for the cases a demo cluster rarely produces.</summary>
public sealed class ReadModelTests
{
    [Theory]
    [InlineData("Running", null, null, false, "Running")]
    [InlineData("Pending", "ContainerCreating", null, false, "ContainerCreating")]
    [InlineData("Running", "CrashLoopBackOff", null, false, "CrashLoopBackOff")]
    [InlineData("Running", null, "OOMKilled", false, "OOMKilled")]
    [InlineData("Running", null, null, true, "Terminating")]
    [InlineData("Pending", null, null, false, "Pending")]
    public void Status_ContainerStates_MatchKubectl(string phase, string? waiting, string? terminated, bool deleting, string expected)
    {
        var pod = Pod(phase, new V1ContainerState
        {
            Waiting = waiting is null ? null : new V1ContainerStateWaiting { Reason = waiting },
            Terminated = terminated is null ? null : new V1ContainerStateTerminated { Reason = terminated, ExitCode = 137 },
            Running = waiting is null && terminated is null && phase == "Running" ? new V1ContainerStateRunning() : null,
        });
        if (deleting)
        {
            pod.Metadata.DeletionTimestamp = DateTime.UtcNow;
        }

        Assert.Equal(expected, PodViews.Status(pod));
    }

    [Fact]
    public void From_ReplicaSetOwner_ResolvesDeploymentAndSidecar()
    {
        var pod = Pod("Running", new V1ContainerState { Running = new V1ContainerStateRunning() });
        pod.Metadata.Labels = new Dictionary<string, string> { ["pod-template-hash"] = "7d9f8c6b5" };
        pod.Metadata.OwnerReferences = [new V1OwnerReference { Kind = "ReplicaSet", Name = "prod-blog-service-deployment-7d9f8c6b5", Controller = true }];

        var view = PodViews.From(pod);

        Assert.Equal(new WorkloadRef("Deployment", "prod-blog-service-deployment"), view.Owner);
        Assert.True(view.HasSidecar);
        Assert.Equal("1/2", view.Ready);
        Assert.Equal(3, view.Restarts);
        Assert.False(view.IsRunningAndReady);
    }

    [Theory]
    [InlineData("sum(rate(a[5m])) / sum(rate(b[5m])) > 0.05", ">", 0.05, "5%")]
    [InlineData("histogram_quantile(0.95, sum(rate(x[5m])) by (le)) > 500", ">", 500d, "500")]
    [InlineData("increase(restarts[15m]) >= 3\n", ">=", 3d, "3")]
    [InlineData("up == 0", "==", 0d, "0")]
    public void ThresholdOf_TrailingComparison_ReadsThreshold(string expr, string op, double value, string text)
    {
        var (comparison, threshold, thresholdText) = AlertRuleView.ThresholdOf(expr);

        Assert.Equal((op, value, text), (comparison, threshold, thresholdText));
    }

    [Fact]
    public void ThresholdOf_NoComparison_ReturnsNulls()
    {
        Assert.Equal((null, null, null), AlertRuleView.ThresholdOf("absent(up{job=\"api\"})"));
    }

    [Fact]
    public void From_NetworkPolicyWithEgressAndIpBlock_DescribesBothDirections()
    {
        var policy = new V1NetworkPolicy
        {
            Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "titanium-prod" },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["tier"] = "data" } },
                PolicyTypes = ["Ingress", "Egress"],
                Ingress = [new V1NetworkPolicyIngressRule { FromProperty = [new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = "10.0.0.0/8" } }] }],
                Egress = [],
            },
        };

        var view = NetworkPolicyView.From(policy);

        Assert.Equal("tier=data", view.PodSelector?.ToString());
        Assert.Equal("from addresses 10.0.0.0/8 on any port", Assert.Single(view.Ingress)?.ToString());
        Assert.Equal("nothing (deny all)", Assert.Single(view.Egress)?.ToString());
    }

    [Fact]
    public void Evaluate_NoNamespacePolicy_FallsBackToMeshThenIstioDefault()
    {
        var mesh = new PeerAuthenticationView("istio-system", "default", "STRICT", "namespace");
        var workloadOnly = new PeerAuthenticationView("monitoring", "grafana", "DISABLE", "app=grafana");

        var modes = NamespaceMtls.Evaluate(["monitoring", "argocd"], [mesh, workloadOnly]);

        Assert.All(modes, m => Assert.Equal("STRICT", m.Mode));
        Assert.Equal("mesh (istio-system/default)", modes[0].Source?.ToString());
        Assert.Equal("PERMISSIVE", Assert.Single(NamespaceMtls.Evaluate(["argocd"], [])).Mode);
    }

    [Fact]
    public void Evaluate_PodWithoutSidecarNotOptedOut_FailsNamingIt()
    {
        var meshed = PodViews.From(Pod("Running", new V1ContainerState { Running = new V1ContainerStateRunning() }));
        var bare = meshed with { Name = "bare", Containers = [meshed.Containers[0]] };
        var database = bare with { Name = "postgresql-0", SidecarOptOut = true };

        var check = SidecarCheck.Evaluate([meshed, bare, database], "titanium-prod");

        Assert.False(check.Passed);
        Assert.Equal(["bare"], check.Missing);
        Assert.Equal(["postgresql-0"], check.OptedOut);
        Assert.StartsWith("1 pods in titanium-prod lack the istio-proxy sidecar: bare", check.Detail?.ToString(), StringComparison.Ordinal);
        Assert.True(SidecarCheck.Evaluate([meshed, database], "titanium-prod").Passed);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(192, "3m12s")]
    [InlineData(3600 * 5 + 60 * 7, "5h7m")]
    [InlineData(86400 * 12, "12d")]
    public void Format_Durations_LikeKubectl(int seconds, string expected)
    {
        Assert.Equal(expected, Ages.Format(TimeSpan.FromSeconds(seconds)));
    }

    private static V1Pod Pod(string phase, V1ContainerState state) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "titanium-prod", Uid = "u" },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app" }, new V1Container { Name = "istio-proxy" }] },
        Status = new V1PodStatus
        {
            Phase = phase,
            ContainerStatuses =
            [
                new V1ContainerStatus { Name = "app", State = state, Ready = false, RestartCount = 3 },
                new V1ContainerStatus { Name = "istio-proxy", State = new V1ContainerState { Running = new V1ContainerStateRunning() }, Ready = true },
            ],
        },
    };
}
