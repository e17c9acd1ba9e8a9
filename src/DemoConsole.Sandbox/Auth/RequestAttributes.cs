namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// What a request asks to do, in RBAC's terms (kube-apiserver's RequestInfo): a verb on a resource (and subresource,
/// name, namespace) of an API group, or a verb on a non-resource path such as <c>/api</c> or <c>/version</c>.
/// </summary>
internal sealed record RequestAttributes(
    string Verb, string ApiGroup, string Resource, string? Subresource, string? Namespace, string? Name, string? Path = null)
{
    public bool IsResourceRequest => Path is null;

    /// <summary>"pods/log" for a subresource, "pods" otherwise: how rules and messages name what was asked for.</summary>
    public string ResourceWithSubresource => Subresource is null ? Resource : $"{Resource}/{Subresource}";

    public static RequestAttributes NonResource(string method, string path) => new(method.ToLowerInvariant() switch
    {
        "get" or "head" => "get",
        "post" => "post",
        "put" => "put",
        "patch" => "patch",
        "delete" => "delete",
        var other => other,
    }, "", "", null, null, null, path);

    /// <summary>
    /// The request as kube-apiserver's RequestInfoFactory reads it from the URL alone (before any routing, so a denied
    /// request is 403 whether or not the resource is served): <c>/api/{version}/…</c> and <c>/apis/{group}/{version}/…</c>
    /// with an optional <c>watch/</c> and <c>namespaces/{ns}/</c>, then resource, name, subresource. GET is get, list or
    /// watch (watch=true, or the old /watch/ paths); a list or watch narrowed by <c>fieldSelector=metadata.name=x</c> is
    /// about that one name, so resourceNames apply. Anything else (/api, /apis/apps/v1, /version) is a non-resource path.
    /// </summary>
    public static RequestAttributes Parse(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, rest) = parts switch
        {
            ["api", _, .. var r] when r.Length > 0 => ("", r),
            ["apis", var g, _, .. var r] when r.Length > 0 => (g, r),
            _ => ((string?)null, Array.Empty<string>()),
        };
        if (group is null)
        {
            return NonResource(request.Method, path);
        }

        var watchPath = rest[0] == "watch";
        if (watchPath)
        {
            rest = rest[1..];
        }

        // As RequestInfoFactory: "namespaces/{ns}/…" scopes the rest to ns; "namespaces/{ns}" itself (and its status and
        // finalize) is the namespace object, also scoped to ns.
        string? ns = null;
        if (rest.Length > 1 && rest[0] == "namespaces")
        {
            ns = rest[1];
            if (rest.Length > 2 && rest[2] is not ("status" or "finalize"))
            {
                rest = rest[2..];
            }
        }

        if (rest.Length == 0)
        {
            return NonResource(request.Method, path);
        }

        var resource = rest[0];
        var name = rest.ElementAtOrDefault(1);
        var sub = rest.ElementAtOrDefault(2);
        var watch = watchPath || request.Query["watch"] is { Count: > 0 } w && w[0] is "true" or "1";
        var verb = (request.Method, name is null) switch
        {
            ("GET" or "HEAD", true) => watch ? "watch" : "list",
            ("GET" or "HEAD", false) => watchPath ? "watch" : "get",
            ("POST", _) => "create",
            ("PUT", _) => "update",
            ("PATCH", _) => "patch",
            ("DELETE", true) => "deletecollection",
            ("DELETE", false) => "delete",
            var (m, _) => m.ToLowerInvariant(),
        };
        if (name is null && verb is "list" or "watch" or "deletecollection" && NameFromFieldSelector(request.Query["fieldSelector"]) is { } selected)
        {
            name = selected;
        }

        return new RequestAttributes(verb, group, resource, sub, ns, name);
    }

    private static string? NameFromFieldSelector(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return null;
        }

        foreach (var term in selector.Split(','))
        {
            var parts = term.Split("=", 2);
            var key = parts[0].TrimEnd('=');
            if (parts.Length == 2 && key == "metadata.name" && !parts[0].EndsWith('!'))
            {
                return parts[1].TrimStart('=');
            }
        }

        return null;
    }
}
