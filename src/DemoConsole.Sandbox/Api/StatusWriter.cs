using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>Kubernetes Status objects: the body of every error, and of a successful delete of a gone object.</summary>
internal static class StatusWriter
{
    public static JsonObject Failure(ApiException e)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = e.Continue is null ? new JsonObject() : new JsonObject { ["continue"] = e.Continue },
            ["status"] = "Failure",
            ["message"] = e.Message,
            ["reason"] = e.Reason,
            ["code"] = e.Code,
        };
        if (e.Name is not null || e.Kind is not null)
        {
            var details = new JsonObject();
            if (e.Name is not null)
            {
                details["name"] = e.Name;
            }

            if (e.Group is not null)
            {
                details["group"] = e.Group;
            }

            if (e.Kind is not null)
            {
                details["kind"] = e.Kind;
            }

            status["details"] = details;
        }

        return status;
    }

    public static Task WriteAsync(HttpContext context, ApiException e)
    {
        context.Response.StatusCode = e.Code;
        return JsonOutput.WriteAsync(context, Failure(e));
    }
}
