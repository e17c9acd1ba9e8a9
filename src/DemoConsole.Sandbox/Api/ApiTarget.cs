using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>What a resource URL addresses: /api/v1/namespaces/{ns}/{plural}/{name}/{subresource} and the /apis/{group}/{version} forms.</summary>
internal sealed record ApiTarget(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Parses the segments after the group/version; null when no served resource matches.</summary>
    public static ApiTarget? Parse(string group, string version, string[] segments)
    {
        if (segments.Length >= 3 && segments[0] == "namespaces" && !(segments.Length == 3 && segments[2] is "status" or "finalize"))
        {
            var type = ResourceTypes.Find(group, version, segments[2]);
            return type is { Namespaced: true } && segments.Length <= 5
                ? new ApiTarget(type, segments[1], segments.ElementAtOrDefault(3), segments.ElementAtOrDefault(4))
                : null;
        }

        if (segments.Length is >= 1 and <= 3)
        {
            var type = ResourceTypes.Find(group, version, segments[0]);
            if (type is null || (type.Namespaced && segments.Length > 1))
            {
                return null;
            }

            return new ApiTarget(type, null, segments.ElementAtOrDefault(1), segments.ElementAtOrDefault(2));
        }

        return null;
    }

    public string RequiredName => Name ?? throw ApiException.BadRequest("a resource name is required");

    public string RequiredNamespace => Type.Namespaced ? Namespace ?? "default" : "";
}
