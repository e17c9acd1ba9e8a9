using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// A watch response: one JSON event per line, flushed per event. Selectors are applied to both the old and the new
/// object, so an object that stops matching arrives as DELETED and one that starts matching as ADDED.
/// </summary>
internal sealed class WatchStream(Cluster cluster, ApiTarget target, LabelSelector labels, FieldSelector fields, bool asTable, bool includeObject)
{
    public async Task RunAsync(HttpContext context)
    {
        var query = context.Request.Query;
        long? from = long.TryParse(query["resourceVersion"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rv) ? rv : null;
        var bookmarks = QueryParameters.Flag(query, "allowWatchBookmarks");
        using var timeout = QueryParameters.Integer(query, "timeoutSeconds") is { } seconds && seconds > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), cluster.Time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted, cluster.Stopping);
        var token = linked.Token;

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        WatchSubscription subscription;
        try
        {
            subscription = cluster.Store.Watch(target.Type, target.Namespace, from);
        }
        catch (ApiException e)
        {
            // A cluster reports a too-old resourceVersion inside the stream, as an ERROR event carrying a 410 Status.
            await WriteEventAsync(context, "ERROR", StatusWriter.Failure(e).ToJsonString(), CancellationToken.None);
            return;
        }

        using (subscription)
        {
            await context.Response.StartAsync(token);
            await context.Response.Body.FlushAsync(token);
            await PumpAsync(context, subscription, bookmarks, token);
        }
    }

    private async Task PumpAsync(HttpContext context, WatchSubscription subscription, bool bookmarks, CancellationToken token)
    {
        var reader = subscription.Events;
        // A cluster sends a bookmark about once a minute; the floor keeps time scale 0 from spinning.
        var interval = TimeSpan.FromTicks(Math.Max(cluster.Scaled(TimeSpan.FromSeconds(60)).Ticks, TimeSpan.FromMilliseconds(50).Ticks));
        Task<bool>? waiting = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                while (reader.TryRead(out var e))
                {
                    if (Translate(e) is string type)
                    {
                        await WriteEventAsync(context, type, Render(e.Object), token);
                    }
                }

                waiting ??= reader.WaitToReadAsync(token).AsTask();
                if (bookmarks)
                {
                    // The store version is read before checking the queue is empty: then nothing at or below it is pending.
                    var version = cluster.Store.ResourceVersion;
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(token);
                    var completed = await Task.WhenAny(waiting, Task.Delay(interval, cluster.Time, tick.Token));
                    await tick.CancelAsync();
                    if (completed != waiting)
                    {
                        if (!reader.TryPeek(out _))
                        {
                            await WriteEventAsync(context, "BOOKMARK", Bookmark(version), token);
                        }

                        continue;
                    }
                }

                if (!await waiting)
                {
                    return;
                }

                waiting = null;
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone or sandbox stopping: the stream simply ends, as a server-side watch timeout does.
        }
        catch (InvalidOperationException)
        {
            // This watcher fell too far behind and was cut off; the client re-lists.
        }
    }

    private string? Translate(StoreEvent e)
    {
        var now = Matches(e.Object);
        if (e.Type != "MODIFIED" || e.Previous is null)
        {
            return now ? e.Type : null;
        }

        var before = Matches(e.Previous);
        return (before, now) switch
        {
            (true, true) => "MODIFIED",
            (false, true) => "ADDED",
            (true, false) => "DELETED",
            _ => null,
        };
    }

    /// <summary>
    /// <c>kubectl get -w</c> asks for Tables: then every event carries a one-row Table (with the same column
    /// definitions each time, which kubectl prints as one header) instead of the object.
    /// </summary>
    private byte[] Render(StoredObject o) =>
        asTable
            ? System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Tables.TableBuilder.Build(target.Type, [o], o.ResourceVersion, cluster.Now, includeObject))
            : o.Json;

    private bool Matches(StoredObject o) => labels.Matches(o.Node) && fields.Matches(o.Node);

    private string Bookmark(long version) => new JsonObject
    {
        ["kind"] = target.Type.Kind,
        ["apiVersion"] = target.Type.GroupVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) },
    }.ToJsonString();

    private static Task WriteEventAsync(HttpContext context, string type, string json, CancellationToken token) =>
        WriteEventAsync(context, type, Encoding.UTF8.GetBytes(json), token);

    /// <summary>One write and one flush per event: the line reaches the client as soon as it happens.</summary>
    private static async Task WriteEventAsync(HttpContext context, string type, byte[] json, CancellationToken token)
    {
        var prefix = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        var line = new byte[prefix.Length + json.Length + 2];
        prefix.CopyTo(line, 0);
        json.CopyTo(line, prefix.Length);
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        await context.Response.Body.WriteAsync(line, token);
        await context.Response.Body.FlushAsync(token);
    }
}
