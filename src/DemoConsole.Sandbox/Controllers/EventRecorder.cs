using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// Writes core/v1 Events (what <c>kubectl describe</c> and <c>get events</c> show). Old events are pruned so a
/// thousand kill/replace cycles do not grow the store, like the API server's event TTL. A repeat of the same event
/// on the same object (a crash loop's BackOff, a failing probe) raises the first one's count and lastTimestamp, as
/// client-go's event correlator does, so describe shows "(x4 over 2m)".
/// </summary>
internal sealed class EventRecorder(ResourceStore store, TimeProvider time)
{
    private const int MaxEvents = 500;
    private readonly Queue<(string Namespace, string Name)> _recorded = new();
    private readonly Dictionary<(string Uid, string Type, string Reason, string Message), (string Namespace, string Name)> _series = [];
    private readonly Lock _gate = new();

    public void Normal(StoredObject involved, string reason, string message, string component) =>
        Record(involved, "Normal", reason, message, component);

    public void Warning(StoredObject involved, string reason, string message, string component) =>
        Record(involved, "Warning", reason, message, component);

    private void Record(StoredObject involved, string type, string reason, string message, string component)
    {
        var now = Rfc3339.Format(time.GetUtcNow());
        var ns = involved.Namespace.Length == 0 ? "default" : involved.Namespace;
        if (Repeat((involved.Uid, type, reason, message), now))
        {
            return;
        }

        var name = $"{involved.Name}.{Guid.NewGuid():N}"[..(involved.Name.Length + 17)];
        var e = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["kind"] = involved.Type.Kind,
                ["namespace"] = involved.Namespace,
                ["name"] = involved.Name,
                ["uid"] = involved.Uid,
                ["apiVersion"] = involved.Type.GroupVersion,
                ["resourceVersion"] = involved.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["reportingComponent"] = component,
            ["reportingInstance"] = "",
        };
        try
        {
            store.Create(ResourceTypes.Events, e);
        }
        catch (ApiException)
        {
            return; // the namespace is gone; nothing to attach the event to
        }

        lock (_gate)
        {
            _recorded.Enqueue((ns, name));
            _series[(involved.Uid, type, reason, message)] = (ns, name);
            while (_recorded.Count > MaxEvents)
            {
                var pruned = _recorded.Dequeue();
                store.Delete(ResourceTypes.Events, pruned.Namespace, pruned.Name);
                foreach (var stale in _series.Where(kv => kv.Value == pruned).Select(kv => kv.Key).ToList())
                {
                    _series.Remove(stale);
                }
            }
        }
    }

    /// <summary>Counts a repeat on the existing event; false when there is none (first time, or pruned since).</summary>
    private bool Repeat((string Uid, string Type, string Reason, string Message) key, string now)
    {
        (string Namespace, string Name) existing;
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out existing))
            {
                return false;
            }
        }

        try
        {
            store.Update(ResourceTypes.Events, existing.Namespace, existing.Name, e =>
            {
                e["count"] = (JsonNumber.Read(e["count"]) ?? 1) + 1;
                e["lastTimestamp"] = now;
                return true;
            });
            return true;
        }
        catch (ApiException)
        {
            lock (_gate)
            {
                _series.Remove(key);
            }

            return false;
        }
    }
}
