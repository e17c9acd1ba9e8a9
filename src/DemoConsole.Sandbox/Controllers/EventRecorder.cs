using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// Writes core/v1 Events (what <c>kubectl describe</c> and <c>get events</c> show). Old events are pruned so a
/// thousand kill/replace cycles do not grow the store, like the API server's event TTL.
/// </summary>
internal sealed class EventRecorder(ResourceStore store, TimeProvider time)
{
    private const int MaxEvents = 500;
    private readonly Queue<(string Namespace, string Name)> _recorded = new();
    private readonly Lock _gate = new();

    public void Normal(StoredObject involved, string reason, string message, string component) =>
        Record(involved, "Normal", reason, message, component);

    public void Warning(StoredObject involved, string reason, string message, string component) =>
        Record(involved, "Warning", reason, message, component);

    private void Record(StoredObject involved, string type, string reason, string message, string component)
    {
        var now = Rfc3339.Format(time.GetUtcNow());
        var ns = involved.Namespace.Length == 0 ? "default" : involved.Namespace;
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
            while (_recorded.Count > MaxEvents)
            {
                var (oldNs, oldName) = _recorded.Dequeue();
                store.Delete(ResourceTypes.Events, oldNs, oldName);
            }
        }
    }
}
