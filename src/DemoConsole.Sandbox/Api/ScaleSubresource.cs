using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>The autoscaling/v1 Scale view of deployments, replicasets and statefulsets (<c>kubectl scale</c>, the HPA).</summary>
internal sealed class ScaleSubresource(Cluster cluster)
{
    public Task GetAsync(HttpContext context, ApiTarget target) =>
        JsonOutput.WriteAsync(context, ToScale(cluster.Store.GetRequired(target.Type, target.RequiredNamespace, target.RequiredName)));

    public async Task UpdateAsync(HttpContext context, ApiTarget target, bool isPatch)
    {
        var body = await RequestBody.ReadAsync(context.Request) ?? throw ApiException.BadRequest("empty body");
        var contentType = context.Request.ContentType ?? "";
        var updated = cluster.Store.Update(target.Type, target.RequiredNamespace, target.RequiredName, o =>
        {
            var scale = ToScale(o);
            if (isPatch)
            {
                Patches.Apply(contentType, scale, body);
            }
            else
            {
                scale = body.AsObject();
            }

            var replicas = scale["spec"]?["replicas"] ?? throw ApiException.BadRequest("spec.replicas is required");
            if (Cells.Int(replicas) < 0)
            {
                throw ApiException.Invalid(target.Type, target.RequiredName, "spec.replicas: Invalid value: must be greater than or equal to 0");
            }

            o["spec"]!["replicas"] = Cells.Int(replicas);
            return true;
        });
        await JsonOutput.WriteAsync(context, ToScale(updated.Node));
    }

    private static JsonObject ToScale(StoredObject o) => ToScale(o.Node);

    private static JsonObject ToScale(JsonObject o) => new()
    {
        ["kind"] = "Scale",
        ["apiVersion"] = "autoscaling/v1",
        ["metadata"] = new JsonObject
        {
            ["name"] = o["metadata"]?["name"]?.DeepClone(),
            ["namespace"] = o["metadata"]?["namespace"]?.DeepClone(),
            ["uid"] = o["metadata"]?["uid"]?.DeepClone(),
            ["resourceVersion"] = o["metadata"]?["resourceVersion"]?.DeepClone(),
            ["creationTimestamp"] = o["metadata"]?["creationTimestamp"]?.DeepClone(),
        },
        ["spec"] = new JsonObject { ["replicas"] = Cells.Int(o["spec"]?["replicas"]) },
        ["status"] = new JsonObject
        {
            ["replicas"] = Cells.Int(o["status"]?["replicas"]),
            ["selector"] = Cells.SelectorText(o["spec"]?["selector"]) is var s && s != "<none>" ? s : "",
        },
    };
}
