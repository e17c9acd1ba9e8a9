using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// RBAC for service accounts, through the real kubectl: a token from <c>kubectl create token</c> (TokenRequest), sent over
/// the API's TLS port as a pod would, is allowed exactly what Roles, ClusterRoles and their bindings grant, and is refused
/// with kube-apiserver's 403 wording otherwise. The sandbox's own kubeconfig user keeps full access.
/// </summary>
public sealed class RbacTests
{
    private const string Ns = "titanium-prod";
    private const string User = "system:serviceaccount:titanium-prod:probe";

    [Fact]
    public async Task UnboundServiceAccount_IsRefusedInTheApiServersWords()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var probe = await ServiceAccountAsync(sandbox, kubectl);

        var list = await probe.RunAsync("get", "pods", "-n", Ns);
        var delete = await probe.RunAsync("delete", "pod", "x", "-n", Ns);
        var deployment = await probe.RunAsync("get", "deployment", "prod-blog-service-deployment", "-n", Ns);
        var nodes = await probe.RunAsync("get", "nodes");
        var admin = await kubectl.RunAsync("get", "pods", "-n", Ns, "-o", "name");

        Assert.Equal(
            $"Error from server (Forbidden): pods is forbidden: User \"{User}\" cannot list resource \"pods\" in API group \"\" in the namespace \"{Ns}\"",
            list.Stderr.Trim());
        Assert.Equal(
            $"Error from server (Forbidden): pods \"x\" is forbidden: User \"{User}\" cannot delete resource \"pods\" in API group \"\" in the namespace \"{Ns}\"",
            delete.Stderr.Trim());
        Assert.Equal(
            $"Error from server (Forbidden): deployments.apps \"prod-blog-service-deployment\" is forbidden: User \"{User}\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"{Ns}\"",
            deployment.Stderr.Trim());
        Assert.Equal(
            $"Error from server (Forbidden): nodes is forbidden: User \"{User}\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
            nodes.Stderr.Trim());
        Assert.True(admin.ExitCode == 0 && admin.Stdout.Contains("pod/postgresql-0", StringComparison.Ordinal), admin.ToString());
    }

    [Fact]
    public async Task Forbidden_StatusCarriesReasonCodeAndDetails()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var token = (await ServiceAccountAsync(sandbox, kubectl)).Token;
        using var http = SecureClient(sandbox, token);

        using var response = await http.PatchAsync(new Uri($"apis/apps/v1/namespaces/{Ns}/deployments/web", UriKind.Relative),
            new StringContent("{}", new MediaTypeHeaderValue("application/merge-patch+json")));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal("Forbidden", (string?)status["reason"]);
        Assert.Equal(403, (int)status["code"]!);
        Assert.Equal("web", (string?)status["details"]!["name"]);
        Assert.Equal("apps", (string?)status["details"]!["group"]);
        Assert.Equal("deployments", (string?)status["details"]!["kind"]);
    }

    [Fact]
    public async Task RoleBinding_GrantsItsVerbsAndSubresourcesInItsNamespaceOnly()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var probe = await ServiceAccountAsync(sandbox, kubectl);
        await Ok(kubectl.RunAsync("create", "role", "read-pods", "-n", Ns, "--verb=get,list,watch", "--resource=pods"));
        await Ok(kubectl.RunAsync("create", "rolebinding", "read-pods", "-n", Ns, "--role=read-pods", $"--serviceaccount={Ns}:probe"));

        var list = await probe.RunAsync("get", "pods", "-n", Ns, "-o", "name");
        var otherNamespace = await probe.RunAsync("get", "pods", "-n", "monitoring");
        var logs = await probe.RunAsync("logs", "postgresql-0", "-n", Ns);
        var delete = await probe.RunAsync("delete", "pod", "postgresql-0", "-n", Ns);
        var canList = await probe.RunAsync("auth", "can-i", "list", "pods", "-n", Ns);
        var canDelete = await probe.RunAsync("auth", "can-i", "delete", "pods", "-n", Ns);

        Assert.True(list.ExitCode == 0 && list.Stdout.Contains("pod/postgresql-0", StringComparison.Ordinal), list.ToString());
        Assert.Contains("cannot list resource \"pods\" in API group \"\" in the namespace \"monitoring\"", otherNamespace.Stderr, StringComparison.Ordinal);
        Assert.Contains($"pods \"postgresql-0\" is forbidden: User \"{User}\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"{Ns}\"",
            logs.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot delete resource \"pods\"", delete.Stderr, StringComparison.Ordinal);
        Assert.Equal("yes", canList.Stdout.Trim());
        Assert.Equal("no", canDelete.Stdout.Trim());
    }

    [Fact]
    public async Task ResourceNamesAndSubresourceRules_MatchOnlyWhatTheyName()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var probe = await ServiceAccountAsync(sandbox, kubectl);
        await Ok(kubectl.RunAsync("create", "role", "one-log", "-n", Ns, "--verb=get", "--resource=pods/log", "--resource-name=postgresql-0"));
        await Ok(kubectl.RunAsync("create", "rolebinding", "one-log", "-n", Ns, "--role=one-log", $"--serviceaccount={Ns}:probe"));

        // kubectl logs reads the pod first; the log subresource alone is what the rule grants.
        var named = await probe.RunAsync("get", "--raw", $"/api/v1/namespaces/{Ns}/pods/postgresql-0/log");
        var pod = await probe.RunAsync("get", "pod", "postgresql-0", "-n", Ns);
        var canOther = await probe.RunAsync("auth", "can-i", "get", "pods/prod-redis", "--subresource=log", "-n", Ns);
        var canNamed = await probe.RunAsync("auth", "can-i", "get", "pods/postgresql-0", "--subresource=log", "-n", Ns);

        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Contains("cannot get resource \"pods\" in API group \"\"", pod.Stderr, StringComparison.Ordinal);
        Assert.Equal("no", canOther.Stdout.Trim());
        Assert.Equal("yes", canNamed.Stdout.Trim());
    }

    [Fact]
    public async Task LeaseRights_AreCheckedLikeAnyResource_ByNameWhereTheRuleNamesOne()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var probe = await ServiceAccountAsync(sandbox, kubectl);
        // What an election needs: its one lease read and written by name; create cannot be limited by name.
        await Ok(kubectl.RunAsync("create", "role", "elect", "-n", Ns, "--verb=get,update", "--resource=leases.coordination.k8s.io", "--resource-name=leader"));
        await Ok(kubectl.RunAsync("create", "role", "elect-create", "-n", Ns, "--verb=create", "--resource=leases.coordination.k8s.io"));
        await Ok(kubectl.RunAsync("create", "rolebinding", "elect", "-n", Ns, "--role=elect", $"--serviceaccount={Ns}:probe"));
        await Ok(kubectl.RunAsync("create", "rolebinding", "elect-create", "-n", Ns, "--role=elect-create", $"--serviceaccount={Ns}:probe"));

        var canCreate = await probe.RunAsync("auth", "can-i", "create", "leases.coordination.k8s.io", "-n", Ns);
        var canUpdateNamed = await probe.RunAsync("auth", "can-i", "update", "leases.coordination.k8s.io/leader", "-n", Ns);
        var canUpdateOther = await probe.RunAsync("auth", "can-i", "update", "leases.coordination.k8s.io/other", "-n", Ns);
        var file = Path.Combine(Directory.CreateTempSubdirectory("lease-").FullName, "other.json");
        await File.WriteAllTextAsync(file, """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"other","namespace":"titanium-prod"}}""");
        await Ok(kubectl.RunAsync("create", "-f", file));
        var named = await probe.RunAsync("get", "lease", "leader", "-n", Ns);
        var other = await probe.RunAsync("get", "lease", "other", "-n", Ns);
        var list = await probe.RunAsync("get", "leases", "-n", Ns);

        Assert.Equal("yes", canCreate.Stdout.Trim());
        Assert.Equal("yes", canUpdateNamed.Stdout.Trim());
        Assert.Equal("no", canUpdateOther.Stdout.Trim());
        Assert.Equal("Error from server (NotFound): leases.coordination.k8s.io \"leader\" not found", named.Stderr.Trim());
        Assert.Equal(
            $"Error from server (Forbidden): leases.coordination.k8s.io \"other\" is forbidden: User \"{User}\" cannot get resource \"leases\" in API group \"coordination.k8s.io\" in the namespace \"{Ns}\"",
            other.Stderr.Trim());
        Assert.Equal(
            $"Error from server (Forbidden): leases.coordination.k8s.io is forbidden: User \"{User}\" cannot list resource \"leases\" in API group \"coordination.k8s.io\" in the namespace \"{Ns}\"",
            list.Stderr.Trim());
    }

    [Fact]
    public async Task ClusterRole_ThroughRoleBindingIsNamespaced_ThroughClusterRoleBindingIsEverywhere()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var probe = await ServiceAccountAsync(sandbox, kubectl);
        await Ok(kubectl.RunAsync("create", "clusterrole", "read-deployments", "--verb=list", "--resource=deployments.apps"));
        await Ok(kubectl.RunAsync("create", "rolebinding", "read-deployments", "-n", "argocd", "--clusterrole=read-deployments", $"--serviceaccount={Ns}:probe"));

        var inBound = await probe.RunAsync("get", "deployments", "-n", "argocd", "-o", "name");
        var elsewhere = await probe.RunAsync("get", "deployments", "-n", Ns);
        await Ok(kubectl.RunAsync("create", "clusterrolebinding", "read-deployments", "--clusterrole=read-deployments", $"--serviceaccount={Ns}:probe"));
        var everywhere = await probe.RunAsync("get", "deployments", "-A", "-o", "name");

        Assert.True(inBound.ExitCode == 0 && inBound.Stdout.Contains("deployment.apps/argocd-server", StringComparison.Ordinal), inBound.ToString());
        Assert.Contains($"cannot list resource \"deployments\" in API group \"apps\" in the namespace \"{Ns}\"", elsewhere.Stderr, StringComparison.Ordinal);
        Assert.True(everywhere.ExitCode == 0 && everywhere.Stdout.Contains("deployment.apps/prod-blog-service-deployment", StringComparison.Ordinal), everywhere.ToString());
    }

    [Fact]
    public async Task Token_StopsWorkingWhenForgedOrItsServiceAccountIsGone()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var probe = await ServiceAccountAsync(sandbox, kubectl);
        var parts = probe.Token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";
        using var forgedClient = SecureClient(sandbox, forged);
        using var validClient = SecureClient(sandbox, probe.Token);

        using var withForged = await forgedClient.GetAsync(new Uri("api", UriKind.Relative));
        using var beforeDelete = await validClient.GetAsync(new Uri("api", UriKind.Relative));
        await Ok(kubectl.RunAsync("delete", "serviceaccount", "probe", "-n", Ns));
        using var afterDelete = await validClient.GetAsync(new Uri("api", UriKind.Relative));
        var body = JsonNode.Parse(await afterDelete.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, withForged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.StatusCode);
        Assert.Equal("Unauthorized", (string?)body["message"]);
    }

    [Fact]
    public async Task TokenRequest_RefusesALifetimeUnderTenMinutes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        await Ok(kubectl.RunAsync("create", "serviceaccount", "probe", "-n", Ns));

        var shortLived = await kubectl.RunAsync("create", "token", "probe", "-n", Ns, "--duration=5m");
        var missing = await kubectl.RunAsync("create", "token", "nobody", "-n", Ns);

        Assert.Contains("may not specify a duration less than 10 minutes", shortLived.Stderr, StringComparison.Ordinal);
        Assert.Contains("serviceaccounts \"nobody\" not found", missing.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A service account "probe" in titanium-prod and a kubectl that talks as it over TLS.</summary>
    private static async Task<ServiceAccountKubectl> ServiceAccountAsync(SandboxHost sandbox, Kubectl admin)
    {
        await Ok(admin.RunAsync("create", "serviceaccount", "probe", "-n", Ns));
        var token = (await Ok(admin.RunAsync("create", "token", "probe", "-n", Ns))).Stdout.Trim();
        var ca = Path.Combine(Directory.CreateTempSubdirectory("rbac-ca-").FullName, "ca.crt");
        await File.WriteAllTextAsync(ca, sandbox.CertificateAuthorityPem);
        return new ServiceAccountKubectl(admin, token, sandbox.KubernetesApiSecure.ToString(), ca);
    }

    private static HttpClient SecureClient(SandboxHost sandbox, string token)
    {
        var handler = new HttpClientHandler
        {
            // Trust exactly the sandbox's CA, as a pod trusts its ca.crt.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.ExportCertificatePem() + "\n" == sandbox.CertificateAuthorityPem,
        };
        var http = new HttpClient(handler) { BaseAddress = sandbox.KubernetesApiSecure };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<KubectlResult> Ok(Task<KubectlResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private sealed record ServiceAccountKubectl(Kubectl Admin, string Token, string Server, string CaFile)
    {
        public Task<KubectlResult> RunAsync(params string[] args) =>
            Admin.RunAsync([$"--server={Server}", $"--certificate-authority={CaFile}", $"--token={Token}", .. args]);
    }
}
