using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// <c>POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token</c> (a TokenRequest, what <c>kubectl create token</c>
/// sends and the kubelet uses for projected tokens): answers 201 with the request and its <c>status.token</c>.
/// As kube-apiserver: the default lifetime is one hour, less than ten minutes is refused, and the default audience is
/// the API server's own.
/// </summary>
internal sealed class TokenRequestEndpoint(Cluster cluster, ServiceAccountTokens tokens)
{
    private const long DefaultSeconds = 3600;
    private const long MinimumSeconds = 600;

    public async Task CreateAsync(HttpContext context, ApiTarget target)
    {
        var account = cluster.Store.GetRequired(ResourceTypes.ServiceAccounts, target.RequiredNamespace, target.RequiredName);
        var body = await RequestBody.ReadAsync(context.Request) as JsonObject ?? new JsonObject();
        var spec = body["spec"] as JsonObject ?? new JsonObject();
        var seconds = (long?)spec["expirationSeconds"] ?? DefaultSeconds;
        if (seconds < MinimumSeconds)
        {
            throw new ApiException(422, "Invalid",
                $"TokenRequest.authentication.k8s.io \"{account.Name}\" is invalid: spec.expirationSeconds: Invalid value: {seconds}: may not specify a duration less than 10 minutes",
                "TokenRequest", account.Name) { Group = "authentication.k8s.io" };
        }

        var audiences = (spec["audiences"] as JsonArray)?.Select(a => (string?)a).OfType<string>().ToList() is { Count: > 0 } given
            ? given
            : [ServiceAccountTokens.Issuer];
        var (token, expires) = tokens.Issue(account, audiences, seconds);
        context.Response.StatusCode = 201;
        await JsonOutput.WriteAsync(context, new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = account.Name, ["namespace"] = account.Namespace, ["creationTimestamp"] = null },
            ["spec"] = new JsonObject
            {
                ["audiences"] = new JsonArray([.. audiences.Select(a => (JsonNode)a)]),
                ["expirationSeconds"] = seconds,
                ["boundObjectRef"] = spec["boundObjectRef"]?.DeepClone(),
            },
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Rfc3339.Format(expires) },
        });
    }
}
