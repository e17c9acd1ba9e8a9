using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The sandbox's own endpoint for what a container writes to stdout, beside the Kubernetes API (no cluster has it):
/// <c>POST /sandbox/v1/namespaces/{ns}/pods/{name}/output?container=c</c> with any bytes as the body; each line
/// (split at \n) is appended to that container's log as written, invalid UTF-8 included, and served by
/// <c>pods/{name}/log</c> unchanged. For rehearsing "show the logs" with the lines a team expects, and for tests.
/// </summary>
internal static class ContainerOutputEndpoint
{
    private const int MaxBytes = 1024 * 1024;

    public static void Map(WebApplication app, Cluster cluster) =>
        app.MapPost($"{FaultEndpoint.Root}/namespaces/{{ns}}/pods/{{name}}/output", async (HttpContext context, string ns, string name) =>
        {
            var pod = cluster.Store.GetRequired(ResourceTypes.Pods, ns, name);
            var container = PodLogEndpoint.Container(pod, context.Request.Query["container"]);
            var log = cluster.Logs.Find(pod.Uid, container)
                ?? throw ApiException.BadRequest($"container \"{container}\" in pod \"{pod.Name}\" is not running");
            var body = await ReadAsync(context.Request);
            var lines = Lines(body);
            foreach (var line in lines)
            {
                log.AppendBytes(cluster.Now, line);
            }

            context.Response.StatusCode = 201;
            await JsonOutput.WriteAsync(context, new JsonObject { ["pod"] = pod.Name, ["container"] = container, ["lines"] = lines.Count });
        });

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.Length <= MaxBytes ? buffer.ToArray() : throw new ApiException(413, "RequestEntityTooLarge", $"at most {MaxBytes} bytes of output per request");
    }

    /// <summary>The body's lines without their \n; a last line without one still counts, an empty body has none.</summary>
    private static List<byte[]> Lines(byte[] body)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length ? i > start : body[i] == (byte)'\n')
            {
                lines.Add(body[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }
}
