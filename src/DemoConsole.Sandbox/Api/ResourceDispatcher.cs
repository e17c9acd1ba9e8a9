using DemoConsole.Sandbox.Auth;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>Routes a parsed resource URL and HTTP method to the read, write or subresource handler.</summary>
internal sealed class ResourceDispatcher(Cluster cluster, TokenRequestEndpoint tokenRequests)
{
    private readonly ResourceReads _reads = new(cluster);
    private readonly ResourceWrites _writes = new(cluster);
    private readonly ScaleSubresource _scale = new(cluster);
    private readonly PodLogEndpoint _logs = new(cluster);

    public Task WatchAsync(HttpContext context, ApiTarget target) => _reads.WatchAsync(context, target);

    public Task DispatchAsync(HttpContext context, ApiTarget target)
    {
        var method = context.Request.Method;
        if (target.Subresource is string sub)
        {
            if (UnservedRequests.IsUnserved(target.Type, sub))
            {
                // As a cluster does: a missing object is 404 before the action is refused.
                cluster.Store.GetRequired(target.Type, target.RequiredNamespace, UnservedRequests.ObjectName(sub, target.RequiredName));
                throw UnservedRequests.Refusal(target.Type, sub);
            }

            if (!target.Type.Subresources.Contains(sub))
            {
                throw UnservedRequests.NotFound(context.Request);
            }

            return (sub, method) switch
            {
                ("log", "GET") => _logs.GetAsync(context, target),
                ("token", "POST") => tokenRequests.CreateAsync(context, target),
                ("scale", "GET") => _scale.GetAsync(context, target),
                ("scale", "PUT") => _scale.UpdateAsync(context, target, isPatch: false),
                ("scale", "PATCH") => _scale.UpdateAsync(context, target, isPatch: true),
                ("status", "GET") => _reads.GetAsync(context, target),
                ("status", "PUT") => _writes.ReplaceAsync(context, target),
                ("status", "PATCH") => _writes.PatchAsync(context, target),
                _ => throw MethodNotAllowed(method),
            };
        }

        return (target.Name is null, method) switch
        {
            (true, "GET") => _reads.ListAsync(context, target),
            (true, "POST") => _writes.CreateAsync(context, target),
            (true, "DELETE") => _writes.DeleteCollectionAsync(context, target),
            (false, "GET") => _reads.GetAsync(context, target),
            (false, "PUT") => _writes.ReplaceAsync(context, target),
            (false, "PATCH") => _writes.PatchAsync(context, target),
            (false, "DELETE") => _writes.DeleteAsync(context, target),
            _ => throw MethodNotAllowed(method),
        };
    }

    private static ApiException MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");
}
