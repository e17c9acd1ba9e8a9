using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// Kubernetes RBAC over the Roles, ClusterRoles, RoleBindings and ClusterRoleBindings in the store, with the
/// standard matching: a ClusterRoleBinding grants its ClusterRole everywhere; a RoleBinding grants its Role or
/// ClusterRole in its own namespace only. A rule allows a request when its verbs, apiGroups, resources (with
/// "resource/subresource" and "*" forms) and resourceNames (when set) all match, or, for a path like <c>/api</c>,
/// its nonResourceURLs do. Rules only ever add permissions; nothing is allowed that no rule allows.
/// </summary>
internal sealed class RbacAuthorizer(Cluster cluster)
{
    public bool Allows(RequestUser user, RequestAttributes request)
    {
        foreach (var binding in cluster.Store.List(ResourceTypes.ClusterRoleBindings, null).Items)
        {
            if (Binds(binding.Node, user) && RulesOf(binding.Node, null).Any(r => Matches(r, request)))
            {
                return true;
            }
        }

        if (request.Namespace is not { } ns || !request.IsResourceRequest)
        {
            return false;
        }

        foreach (var binding in cluster.Store.List(ResourceTypes.RoleBindings, ns).Items)
        {
            if (Binds(binding.Node, user) && RulesOf(binding.Node, ns).Any(r => Matches(r, request)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules a binding grants: its ClusterRole's, or (for a RoleBinding) its Role's in the same namespace.</summary>
    private IEnumerable<JsonObject> RulesOf(JsonObject binding, string? ns)
    {
        var kind = (string?)binding["roleRef"]?["kind"];
        var name = (string?)binding["roleRef"]?["name"] ?? "";
        var role = kind switch
        {
            "ClusterRole" => cluster.Store.Get(ResourceTypes.ClusterRoles, "", name),
            "Role" when ns is not null => cluster.Store.Get(ResourceTypes.Roles, ns, name),
            _ => null,
        };
        return (role?.Node["rules"] as JsonArray)?.OfType<JsonObject>() ?? [];
    }

    private static bool Binds(JsonObject binding, RequestUser user) =>
        (binding["subjects"] as JsonArray)?.OfType<JsonObject>().Any(s => (string?)s["kind"] switch
        {
            "ServiceAccount" => user.IsServiceAccount && (string?)s["name"] == user.ServiceAccountName
                && ((string?)s["namespace"] ?? (string?)binding["metadata"]?["namespace"]) == user.ServiceAccountNamespace,
            "User" => (string?)s["name"] == user.Name,
            "Group" => user.Groups.Contains((string?)s["name"] ?? ""),
            _ => false,
        }) == true;

    private static bool Matches(JsonObject rule, RequestAttributes request)
    {
        if (!Contains(rule["verbs"], request.Verb, allowStar: true))
        {
            return false;
        }

        if (!request.IsResourceRequest)
        {
            return Strings(rule["nonResourceURLs"]).Any(u => u == "*" || u == request.Path || (u.EndsWith('*') && request.Path!.StartsWith(u[..^1], StringComparison.Ordinal)));
        }

        if (!Contains(rule["apiGroups"], request.ApiGroup, allowStar: true) || !ResourceMatches(Strings(rule["resources"]), request))
        {
            return false;
        }

        var names = Strings(rule["resourceNames"]).ToList();
        return names.Count == 0 || (request.Name is { } name && names.Contains(name));
    }

    private static bool ResourceMatches(IEnumerable<string> resources, RequestAttributes request)
    {
        var wanted = request.ResourceWithSubresource;
        foreach (var r in resources)
        {
            if (r == "*" || r == wanted)
            {
                return true;
            }

            if (request.Subresource is { } sub && (r == $"*/{sub}" || r == $"{request.Resource}/*"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(JsonNode? list, string value, bool allowStar) =>
        Strings(list).Any(v => v == value || (allowStar && v == "*"));

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>() ?? [];
}
