using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Controllers.Faults;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The sandbox's own endpoint for rehearsal faults, beside the Kubernetes API (no cluster has it):
/// <c>GET /sandbox/v1/faults</c>, <c>PUT /sandbox/v1/namespaces/{ns}/deployments/{name}/fault</c> with
/// <c>{"kind":"crash-loop|oom-kill|image-pull|readiness"}</c>, and <c>DELETE</c> of the same path to clear it.
/// Errors are Kubernetes Status objects like the rest of the API.
/// </summary>
internal static class FaultEndpoint
{
    public const string Root = "/sandbox/v1";

    public static void Map(WebApplication app, Cluster cluster)
    {
        app.MapGet($"{Root}/faults", (HttpContext context) =>
            JsonOutput.WriteAsync(context, new JsonObject { ["items"] = new JsonArray([.. cluster.InjectedFaults.Active.Select(Json)]) }));
        app.MapPut($"{Root}/namespaces/{{ns}}/deployments/{{name}}/fault", async (HttpContext context, string ns, string name) =>
        {
            var body = await RequestBody.ReadObjectAsync(context.Request);
            var kindName = (string?)body["kind"] ?? "";
            if (!FaultKinds.ByName.TryGetValue(kindName, out var kind))
            {
                throw ApiException.BadRequest($"kind: Unsupported value: \"{kindName}\": supported values: {string.Join(", ", FaultKinds.ByName.Keys.Select(k => $"\"{k}\""))}");
            }

            var fault = cluster.InjectedFaults.Inject(ns, name, kind);
            context.Response.StatusCode = 201;
            await JsonOutput.WriteAsync(context, Json(fault));
        });
        app.MapDelete($"{Root}/namespaces/{{ns}}/deployments/{{name}}/fault", (HttpContext context, string ns, string name) =>
            cluster.InjectedFaults.Clear(ns, name)
                ? JsonOutput.WriteAsync(context, new JsonObject { ["namespace"] = ns, ["deployment"] = name, ["cleared"] = true })
                : throw new ApiException(404, "NotFound", $"deployment \"{name}\" in namespace \"{ns}\" has no fault", ResourceTypes.Deployments.Plural, name));
    }

    private static JsonObject Json(ActiveFault fault)
    {
        var json = new JsonObject
        {
            ["namespace"] = fault.Namespace,
            ["deployment"] = fault.Deployment,
            ["kind"] = FaultKinds.Name(fault.Kind),
            ["since"] = Rfc3339.Format(fault.Since),
        };
        if (fault.Image is not null)
        {
            json["image"] = fault.Image;
        }

        return json;
    }
}
