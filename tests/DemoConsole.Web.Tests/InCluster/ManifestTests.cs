using DemoConsole.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Web.Tests.InCluster;

/// <summary>
/// docker/kubernetes as kustomize renders it (the real kubectl): the Deployment is hardened and probed as the issue asks,
/// the RBAC has no wildcard and nothing cluster-wide, and every rule and binding has its case in
/// <see cref="InClusterRbacTests.Rules"/> — a rule added without a test showing what it serves fails here.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string Root = Path.Combine(RepoPaths.RepoRoot, "docker", "kubernetes");

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/example")]
    [InlineData("overlays/replicas")]
    public async Task Deployment_IsNonRootReadOnlyLimitedAndProbed(string folder)
    {
        var docs = await RenderAsync(folder);
        var deployment = Single(docs, "Deployment");
        var pod = (YamlMappingNode)deployment["spec"]["template"]["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Single();

        Assert.Equal("demo-console", Text(pod["serviceAccountName"]));
        Assert.Equal("true", Text(pod["securityContext"]["runAsNonRoot"]));
        Assert.Equal("true", Text(container["securityContext"]["readOnlyRootFilesystem"]));
        Assert.Equal("false", Text(container["securityContext"]["allowPrivilegeEscalation"]));
        Assert.Equal("/health/live", Text(container["livenessProbe"]["httpGet"]["path"]));
        Assert.Equal("/health/ready", Text(container["readinessProbe"]["httpGet"]["path"]));
        Assert.NotNull(Text(container["resources"]["requests"]["memory"]));
        Assert.NotNull(Text(container["resources"]["limits"]["memory"]));
        var env = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().ToDictionary(e => Text(e["name"])!, e => e);
        Assert.Equal("InCluster", Text(env["DemoConsole__Cluster__Mode"]["value"]));
        Assert.StartsWith("/var/lib/demo-console/", Text(env["DemoConsole__StateFile"]["value"]), StringComparison.Ordinal);
        // Secrets only as files from the Secret volume: no secret value in the manifests.
        Assert.DoesNotContain(env.Keys, k => SecretSettings.Contains(k));
        Assert.Contains(((YamlSequenceNode)container["volumeMounts"]).Cast<YamlMappingNode>(), m => Text(m["mountPath"]) == "/var/lib/demo-console");
        Assert.DoesNotContain(docs, d => Text(d["kind"]) is "ConfigMap" or "Secret");
    }

    [Fact]
    public async Task Rbac_HasNoWildcardNothingClusterWideAndATestPerRule()
    {
        // The replicas overlay is the base and the Lease election's Role: every rule the console is ever given.
        var docs = await RenderAsync("overlays/replicas");
        var rules = docs.Where(d => Text(d["kind"]) is "Role" or "ClusterRole")
            .SelectMany(d => ((YamlSequenceNode)d["rules"]).Cast<YamlMappingNode>().Select(r => (Role: Text(d["metadata"]["name"]), Rule: r))).ToList();
        var bindings = docs.Where(d => Text(d["kind"]) == "RoleBinding").ToList();

        Assert.DoesNotContain(docs, d => Text(d["kind"]) == "ClusterRoleBinding");
        Assert.All(rules, r => Assert.DoesNotContain("*", r.Rule.Children.Values.OfType<YamlSequenceNode>().SelectMany(s => s).Select(Text)));
        var tested = InClusterRbacTests.Rules.Select(row => (string)row[0]).ToList();
        Assert.Equal(rules.Count, tested.Count(t => t.StartsWith("view:", StringComparison.Ordinal) || t.StartsWith("operate:", StringComparison.Ordinal)
            || t.StartsWith("leader:", StringComparison.Ordinal)));
        Assert.Equal(bindings.Count, tested.Count(t => t.StartsWith("binding:", StringComparison.Ordinal)));
    }

    /// <summary>
    /// overlays/replicas: two replicas, the Redis connection string (it carries the password) from a Secret by reference,
    /// the Lease election, the browser kept on its pod by the Service and the Ingress, and the Lease rules limited to the
    /// console's namespace and, where Kubernetes allows it, to the Lease's name.
    /// </summary>
    [Fact]
    public async Task ReplicasOverlay_TwoReplicasRedisFromASecretLeaseElectionAndAffinity()
    {
        var docs = await RenderAsync("overlays/replicas");
        var deployment = Single(docs, "Deployment");
        var container = (YamlMappingNode)((YamlSequenceNode)deployment["spec"]["template"]["spec"]["containers"]).Single();
        var env = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().ToDictionary(e => Text(e["name"])!, e => e);
        var role = Assert.Single(docs, d => Text(d["kind"]) == "Role" && Text(d["metadata"]["name"]) == "demo-console-leader");
        var rules = ((YamlSequenceNode)role["rules"]).Cast<YamlMappingNode>().ToList();

        Assert.Equal("2", Text(deployment["spec"]["replicas"]));
        Assert.Equal("RollingUpdate", Text(deployment["spec"]["strategy"]["type"]));
        var redis = env["DemoConsole__Redis"];
        Assert.False(redis.Children.ContainsKey("value"));
        Assert.Equal("demo-console-redis", Text(redis["valueFrom"]["secretKeyRef"]["name"]));
        Assert.Equal("Lease", Text(env["DemoConsole__Replicas__Election"]["value"]));
        Assert.Equal("InCluster", Text(env["DemoConsole__Cluster__Mode"]["value"]));
        Assert.Equal("ClientIP", Text(Single(docs, "Service")["spec"]["sessionAffinity"]));
        Assert.Equal("cookie", Text(Single(docs, "Ingress")["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"]));
        Assert.Equal("demo-console", Text(role["metadata"]["namespace"]));
        Assert.All(rules, r => Assert.Equal(["coordination.k8s.io"], ((YamlSequenceNode)r["apiGroups"]).Select(Text)));
        Assert.All(rules, r => Assert.Equal(["leases"], ((YamlSequenceNode)r["resources"]).Select(Text)));
        Assert.Equal(["get", "update"], ((YamlSequenceNode)rules[0]["verbs"]).Select(Text));
        Assert.Equal([DemoConsole.Web.Replicas.LeaseLocation.LeaseName], ((YamlSequenceNode)rules[0]["resourceNames"]).Select(Text));
        Assert.Equal(["create"], ((YamlSequenceNode)rules[1]["verbs"]).Select(Text));
        Assert.DoesNotContain(docs, d => Text(d["kind"]) is "ConfigMap" or "Secret");
    }

    private static readonly HashSet<string> SecretSettings =
    [
        "DemoConsole__Auth__PresenterKey", "DemoConsole__Auth__ViewerToken", "DemoConsole__GitHub__Token",
        "DemoConsole__Prometheus__BearerToken", "DemoConsole__Prometheus__Password",
        "DemoConsole__Alertmanager__BearerToken", "DemoConsole__Alertmanager__Password",
    ];

    private static async Task<List<YamlMappingNode>> RenderAsync(string folder)
    {
        // kustomize is built into kubectl and renders offline; KUBECONFIG is only required by the helper, never read.
        var yaml = await KubectlCommand.RunAsync("/dev/null", "kustomize", Path.Combine(Root, folder));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlMappingNode Single(List<YamlMappingNode> docs, string kind) => Assert.Single(docs, d => Text(d["kind"]) == kind);

    private static string? Text(YamlNode node) => (node as YamlScalarNode)?.Value;
}
