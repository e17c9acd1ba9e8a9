using System.Text;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Logs;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>pods/{name}/log: container, tailLines, follow, timestamps, with the kubelet's error messages.</summary>
internal sealed class PodLogEndpoint(Cluster cluster)
{
    public async Task GetAsync(HttpContext context, ApiTarget target)
    {
        var query = context.Request.Query;
        var pod = cluster.Store.GetRequired(ResourceTypes.Pods, target.RequiredNamespace, target.RequiredName);
        var container = Container(pod, query["container"]);
        var previous = QueryParameters.Flag(query, "previous");
        var log = previous ? cluster.Logs.FindPrevious(pod.Uid, container) : cluster.Logs.Find(pod.Uid, container);
        if (log is null && previous)
        {
            throw ApiException.BadRequest($"previous terminated container \"{container}\" in pod \"{pod.Name}\" not found");
        }

        if (log is null)
        {
            var waiting = Cells.Text(PodStatus.ContainerStatus(pod.Node, container)?["state"]?["waiting"]?["reason"]);
            var reason = waiting switch
            {
                // The kubelet's words for these two (pkg/kubelet/kuberuntime: ErrImagePull, ImagePullBackOff).
                "ErrImagePull" => "image can't be pulled",
                "ImagePullBackOff" => "trying and failing to pull image",
                "" => PodColumns.StatusText(pod.Node),
                _ => waiting,
            };
            throw ApiException.BadRequest($"container \"{container}\" in pod \"{pod.Name}\" is waiting to start: {reason}");
        }

        int? tail = QueryParameters.Integer(query, "tailLines") is { } t ? (int)Math.Clamp(t, int.MinValue, int.MaxValue) : null;
        var timestamps = QueryParameters.Flag(query, "timestamps");
        DateTimeOffset? since = QueryParameters.Integer(query, "sinceSeconds") is { } seconds ? cluster.Now.AddSeconds(-seconds) : null;
        context.Response.ContentType = "text/plain";
        if (!QueryParameters.Flag(query, "follow"))
        {
            var lines = log.Tail(tail).Where(l => since is null || l.Time >= since).ToList();
            await WriteAsync(context, lines, timestamps, QueryParameters.Integer(query, "limitBytes"));
            return;
        }

        var (backlog, live, stop) = log.Follow(tail);
        try
        {
            await WriteAsync(context, backlog.Where(l => since is null || l.Time >= since).ToList(), timestamps);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, cluster.Stopping);
            await foreach (var line in live.ReadAllAsync(linked.Token))
            {
                await WriteAsync(context, [line], timestamps);
                await context.Response.Body.FlushAsync(linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped following (Ctrl+C) or the sandbox stops.
        }
        finally
        {
            stop();
        }
    }

    /// <summary>The container a log request names (or the pod's only one), with the API server's errors.</summary>
    public static string Container(StoredObject pod, string? requested)
    {
        var containers = PodStatus.Containers(pod.Node).Select(c => Cells.Text(c["name"])).ToList();
        if (string.IsNullOrEmpty(requested))
        {
            return containers.Count == 1
                ? containers[0]
                : throw ApiException.BadRequest($"a container name must be specified for pod {pod.Name}, choose one of: [{string.Join(" ", containers)}]");
        }

        return containers.Contains(requested) ? requested : throw ApiException.BadRequest($"container {requested} is not valid for pod {pod.Name}");
    }

    private static Task WriteAsync(HttpContext context, IReadOnlyList<LogLine> lines, bool timestamps, long? limitBytes = null)
    {
        // Bytes, not text: a container's output is served as written, whatever its encoding.
        using var output = new MemoryStream();
        foreach (var line in lines)
        {
            if (timestamps)
            {
                output.Write(Encoding.ASCII.GetBytes(line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z' ", System.Globalization.CultureInfo.InvariantCulture)));
            }

            output.Write(line.Bytes);
            output.WriteByte((byte)'\n');
        }

        var bytes = output.ToArray();
        var length = limitBytes is long limit && limit >= 0 && limit < bytes.Length ? (int)limit : bytes.Length;
        return context.Response.Body.WriteAsync(bytes.AsMemory(0, length), context.RequestAborted).AsTask();
    }
}
