using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>POST, PUT, PATCH and DELETE on a resource (the scale subresource is in <see cref="ScaleSubresource"/>).</summary>
internal sealed class ResourceWrites(Cluster cluster)
{
    public async Task CreateAsync(HttpContext context, ApiTarget target)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request);
        CheckIdentity(target, body);
        if (target.Namespace is not null)
        {
            body["metadata"]!["namespace"] = target.Namespace;
        }

        if (IsDryRun(context, null))
        {
            context.Response.StatusCode = 201;
            await JsonOutput.WriteAsync(context, body);
            return;
        }

        var created = Create(target.Type, body);
        context.Response.StatusCode = 201;
        await JsonOutput.WriteRawAsync(context, created.Json);
    }

    public async Task ReplaceAsync(HttpContext context, ApiTarget target)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request);
        CheckIdentity(target, body);
        long? expected = long.TryParse((string?)body["metadata"]?["resourceVersion"], out var rv) ? rv : null;
        var statusOnly = target.Subresource == "status";
        var updated = cluster.Store.Update(target.Type, target.RequiredNamespace, target.RequiredName, o =>
        {
            if (statusOnly)
            {
                o["status"] = body["status"]?.DeepClone();
                return true;
            }

            var status = o["status"]?.DeepClone();
            foreach (var key in o.Select(kv => kv.Key).ToList())
            {
                o.Remove(key);
            }

            foreach (var (key, value) in body)
            {
                o[key] = value?.DeepClone();
            }

            KeepStatus(target.Type, o, status);
            return true;
        }, expected);
        await JsonOutput.WriteRawAsync(context, updated.Json);
    }

    public async Task PatchAsync(HttpContext context, ApiTarget target)
    {
        var patch = await RequestBody.ReadAsync(context.Request) ?? throw ApiException.BadRequest("empty patch");
        var contentType = context.Request.ContentType ?? "";
        var ns = target.RequiredNamespace;
        var name = target.RequiredName;
        if (contentType.StartsWith("application/apply-patch", StringComparison.Ordinal) && cluster.Store.Get(target.Type, ns, name) is null)
        {
            // Server-side apply of an object that does not exist yet creates it.
            var body = patch.AsObject();
            CheckIdentity(target, body);
            body["metadata"]!["namespace"] = target.Namespace;
            var created = Create(target.Type, body);
            context.Response.StatusCode = 201;
            await JsonOutput.WriteRawAsync(context, created.Json);
            return;
        }

        var statusOnly = target.Subresource == "status";
        var updated = cluster.Store.Update(target.Type, ns, name, o =>
        {
            var status = o["status"]?.DeepClone();
            Patches.Apply(contentType, o, patch);
            if (!statusOnly)
            {
                KeepStatus(target.Type, o, status);
            }

            return true;
        });
        await JsonOutput.WriteRawAsync(context, updated.Json);
    }

    public async Task DeleteAsync(HttpContext context, ApiTarget target)
    {
        var options = await RequestBody.ReadAsync(context.Request) as JsonObject;
        var dryRun = IsDryRun(context, options);
        var grace = QueryParameters.Integer(context.Request.Query, "gracePeriodSeconds") ?? JsonNumber.Read(options?["gracePeriodSeconds"]);
        var ns = target.RequiredNamespace;
        var name = target.RequiredName;
        var current = cluster.Store.GetRequired(target.Type, ns, name);
        if ((string?)options?["preconditions"]?["uid"] is string uid && uid.Length > 0 && uid != current.Uid)
        {
            throw new ApiException(409, "Conflict", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}", target.Type.Plural, name);
        }

        if (target.Type == ResourceTypes.Pods)
        {
            var pod = cluster.Pods.Delete(ns, name, grace, dryRun);
            await JsonOutput.WriteRawAsync(context, pod.Json);
            return;
        }

        if (!dryRun)
        {
            if (target.Type == ResourceTypes.Namespaces)
            {
                DeleteNamespaceContents(name);
            }

            cluster.Store.Delete(target.Type, ns, name);
        }

        await JsonOutput.WriteAsync(context, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = new JsonObject
            {
                ["name"] = name,
                ["group"] = target.Type.Group,
                ["kind"] = target.Type.Plural,
                ["uid"] = current.Uid,
            },
        });
    }

    /// <summary>DELETE on a collection (deletecollection): every object matching the selectors, pods gracefully.</summary>
    public async Task DeleteCollectionAsync(HttpContext context, ApiTarget target)
    {
        var options = await RequestBody.ReadAsync(context.Request) as JsonObject;
        var dryRun = IsDryRun(context, options);
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(context.Request.Query["fieldSelector"]);
        var (items, version) = cluster.Store.List(target.Type, target.Namespace);
        var deleted = new JsonArray();
        foreach (var o in items.Where(o => labels.Matches(o.Node) && fields.Matches(o.Node)))
        {
            if (target.Type == ResourceTypes.Pods)
            {
                deleted.Add(cluster.Pods.Delete(o.Namespace, o.Name, null, dryRun).MutableCopy());
            }
            else
            {
                deleted.Add(o.MutableCopy());
                if (!dryRun)
                {
                    cluster.Store.Delete(target.Type, o.Namespace, o.Name);
                }
            }
        }

        await JsonOutput.WriteAsync(context, new JsonObject
        {
            ["kind"] = target.Type.ListKind,
            ["apiVersion"] = target.Type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    private StoredObject Create(ResourceType type, JsonObject body)
    {
        Defaults.Apply(type, body);
        var created = cluster.Store.Create(type, body);
        if (type == ResourceTypes.Pods && Owners.ControllerUid(created.Node) is null)
        {
            cluster.Pods.Launch(created);
        }

        return created;
    }

    private void DeleteNamespaceContents(string ns)
    {
        foreach (var type in ResourceTypes.All.Where(t => t.Namespaced))
        {
            foreach (var o in cluster.Store.List(type, ns).Items)
            {
                cluster.Store.Delete(type, ns, o.Name);
            }
        }
    }

    /// <summary>As on a cluster, writes to the main resource cannot change status (that is the status subresource's job).</summary>
    private static void KeepStatus(ResourceType type, JsonObject o, JsonNode? status)
    {
        if (type.Subresources.Contains("status"))
        {
            o["status"] = status;
        }
    }

    private static bool IsDryRun(HttpContext context, JsonObject? options) =>
        context.Request.Query["dryRun"] == "All"
        || (options?["dryRun"] as JsonArray)?.Any(v => (string?)v == "All") == true;

    private static void CheckIdentity(ApiTarget target, JsonObject body)
    {
        var kind = (string?)body["kind"];
        if (kind is not null && kind != target.Type.Kind && target.Subresource is null)
        {
            throw ApiException.BadRequest($"the API version in the data ({body["apiVersion"]}) does not match the expected API version ({target.Type.GroupVersion})");
        }

        if (body["metadata"] is not JsonObject metadata)
        {
            body["metadata"] = metadata = [];
        }

        var ns = (string?)metadata["namespace"];
        if (target.Namespace is not null && ns is not null && ns != target.Namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (target.Name is not null && (string?)metadata["name"] is string name && name != target.Name && target.Subresource is null)
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({target.Name})");
        }
    }
}
