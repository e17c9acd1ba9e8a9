using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// Subresources a cluster serves through a kubelet or its network (exec, attach, port-forward, proxy, debug
/// containers) and the sandbox cannot: it runs no containers. Asked for one on an existing object, the sandbox
/// answers at once with 405 MethodNotAllowed, the Status kube-apiserver gives for an action a kind does not support
/// (apimachinery's NewMethodNotSupported), and says that it is the sandbox: never a hang or a bare 404.
/// </summary>
internal static class UnservedRequests
{
    private static readonly Dictionary<(string Plural, string Subresource), string> Why = new()
    {
        [("pods", "exec")] = "runs no containers to execute commands in",
        [("pods", "attach")] = "runs no containers to attach to",
        [("pods", "portforward")] = "runs no containers whose ports could be forwarded",
        [("pods", "proxy")] = "has no pod network to proxy to",
        [("pods", "ephemeralcontainers")] = "runs no containers, so it cannot add a debug container",
        [("services", "proxy")] = "has no service network to proxy to (its gateway serves the demo's HTTP routes)",
    };

    /// <summary>A proxy URL may carry a path after the subresource (…/services/web:80/proxy/some/path).</summary>
    public static bool IsProxyPath(string[] segments) => segments.Length > 5 && segments[0] == "namespaces" && segments[4] == "proxy";

    public static bool IsUnserved(ResourceType type, string subresource) => Why.ContainsKey((type.Plural, subresource));

    /// <summary>The object a subresource URL names: proxy names may be "name:port" or "scheme:name:port".</summary>
    public static string ObjectName(string subresource, string name)
    {
        if (subresource != "proxy")
        {
            return name;
        }

        var parts = name.Split(':');
        return parts.Length == 3 ? parts[1] : parts[0];
    }

    public static ApiException Refusal(ResourceType type, string subresource) =>
        new(405, "MethodNotAllowed",
            $"{subresource} is not supported on resources of kind \"{type.QualifiedName}\": the Demo Console sandbox {Why[(type.Plural, subresource)]}; rehearse this against a real cluster",
            type.Plural);

    /// <summary>kube-apiserver's words for a path it does not serve, and which server said it.</summary>
    public static ApiException NotFound(HttpRequest request) =>
        new(404, "NotFound", $"the server could not find the requested resource (the Demo Console sandbox does not serve {request.Method} {request.Path})");
}
