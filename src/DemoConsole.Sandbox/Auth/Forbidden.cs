using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// The 403 Status kube-apiserver answers when RBAC denies a request, worded as it words it, e.g.
/// <c>pods "x" is forbidden: User "system:serviceaccount:ns:sa" cannot delete resource "pods" in API group "" in the namespace "ns"</c>.
/// </summary>
internal static class Forbidden
{
    public static ApiException For(RequestUser user, RequestAttributes a)
    {
        if (!a.IsResourceRequest)
        {
            return new ApiException(403, "Forbidden", $"forbidden: User \"{user.Name}\" cannot {a.Verb} path \"{a.Path}\"");
        }

        var qualified = a.ApiGroup.Length == 0 ? a.Resource : $"{a.Resource}.{a.ApiGroup}";
        var what = a.Name is null ? qualified : $"{qualified} \"{a.Name}\"";
        var scope = a.Namespace is null ? "at the cluster scope" : $"in the namespace \"{a.Namespace}\"";
        var message = $"{what} is forbidden: User \"{user.Name}\" cannot {a.Verb} resource \"{a.ResourceWithSubresource}\" in API group \"{a.ApiGroup}\" {scope}";
        return new ApiException(403, "Forbidden", message, a.Resource, a.Name) { Group = a.ApiGroup.Length == 0 ? null : a.ApiGroup };
    }
}
