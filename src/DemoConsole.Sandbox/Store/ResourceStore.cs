using System.Text.Json;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Store;

/// <summary>
/// The sandbox's etcd, live side: every object with one cluster-wide resourceVersion counter, the writes that
/// change them, and the watches that follow them. The bounded history of changes (a watch resuming from a
/// resourceVersion, a list at an older one; older than the history → 410 Gone, as a cluster does) is
/// <see cref="ChangeHistory"/>'s.
/// </summary>
internal sealed class ResourceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceType, SortedDictionary<string, StoredObject>> _objects = [];
    private readonly ChangeHistory _history;
    private readonly List<WatchSubscription> _subscribers = [];
    private readonly TimeProvider _time;
    private long _resourceVersion = 1000;

    public ResourceStore(TimeProvider time, int historyCapacity = 4096)
    {
        _time = time;
        _history = new ChangeHistory(historyCapacity);
        foreach (var type in ResourceTypes.All)
        {
            _objects[type] = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
        }
    }

    public long ResourceVersion
    {
        get { lock (_gate) { return _resourceVersion; } }
    }

    public StoredObject? Get(ResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            return _objects[type].GetValueOrDefault(Key(type, ns, name));
        }
    }

    public StoredObject GetRequired(ResourceType type, string ns, string name) =>
        Get(type, ns, name) ?? throw ApiException.NotFound(type, name);

    /// <summary>Objects of a type (in one namespace, or all when <paramref name="ns"/> is null) and the list's resourceVersion.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(ResourceType type, string? ns)
    {
        lock (_gate)
        {
            var items = _objects[type].Values.Where(o => ns is null || o.Namespace == ns).ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>
    /// Objects of a type as they were at <paramref name="version"/>, as etcd reads at a revision: the current objects
    /// with the changes after it undone from the history. Null when the history no longer reaches back that far
    /// (etcd's "compacted"); the caller answers 410 Expired.
    /// </summary>
    public IReadOnlyList<StoredObject>? ListAt(ResourceType type, string? ns, long version)
    {
        lock (_gate)
        {
            if (version >= _resourceVersion)
            {
                return List(type, ns).Items;
            }

            var snapshot = _history.SnapshotAt(type, version, _objects[type], o => Key(o.Type, o.Namespace, o.Name));
            return snapshot?.Where(o => ns is null || o.Namespace == ns).ToList();
        }
    }

    public StoredObject Create(ResourceType type, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? throw ApiException.BadRequest("metadata is required");
        var ns = type.Namespaced ? (string?)metadata["namespace"] ?? "default" : "";
        lock (_gate)
        {
            var name = (string?)metadata["name"];
            if (string.IsNullOrEmpty(name) && metadata["generateName"] is JsonNode prefix)
            {
                name = (string?)prefix + NameSuffix.Next(5);
            }

            if (string.IsNullOrEmpty(name))
            {
                throw ApiException.Invalid(type, "", "metadata.name: Required value: name or generateName is required");
            }

            if (type.Namespaced && !_objects[ResourceTypes.Namespaces].ContainsKey(Key(ResourceTypes.Namespaces, "", ns)))
            {
                throw ApiException.NotFound(ResourceTypes.Namespaces, ns);
            }

            var key = Key(type, ns, name);
            if (_objects[type].ContainsKey(key))
            {
                throw ApiException.AlreadyExists(type, name);
            }

            var copy = ServerOwnedFields.ForCreate(type, ns, name, obj, _time.GetUtcNow());
            return Commit("ADDED", type, ns, name, copy);
        }
    }

    /// <summary>
    /// Changes an object through <paramref name="mutate"/> on a private copy; returning false means "no change" and
    /// writes nothing. A non-null <paramref name="expectedVersion"/> gives optimistic concurrency (409 Conflict).
    /// </summary>
    public StoredObject Update(ResourceType type, string ns, string name, Func<JsonObject, bool> mutate, long? expectedVersion = null)
    {
        lock (_gate)
        {
            var current = _objects[type].GetValueOrDefault(Key(type, ns, name)) ?? throw ApiException.NotFound(type, name);
            if (expectedVersion is long expected && expected != current.ResourceVersion)
            {
                throw ApiException.Conflict(type, name);
            }

            var copy = current.MutableCopy();
            if (!mutate(copy))
            {
                return current;
            }

            // Identity fields are the server's, whatever the client sent.
            ServerOwnedFields.ForUpdate(type, ns, name, copy, current);
            if (JsonNode.DeepEquals(Strip(copy), Strip(current.MutableCopy())))
            {
                return current;
            }

            return Commit("MODIFIED", type, ns, name, copy, current);
        }
    }

    public StoredObject? Delete(ResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            var key = Key(type, ns, name);
            if (!_objects[type].Remove(key, out var current))
            {
                return null;
            }

            // The DELETED event carries a fresh resourceVersion so watchers can resume after it.
            var copy = current.MutableCopy();
            var stored = Stamp(type, ns, name, copy);
            Publish(new StoreEvent("DELETED", stored, current));
            return stored;
        }
    }

    /// <summary>
    /// Starts a watch. No <paramref name="fromVersion"/> (or 0) → synthetic ADDED for what exists now, then changes;
    /// otherwise the changes after it, or 410 Gone when the history no longer reaches back that far.
    /// </summary>
    public WatchSubscription Watch(ResourceType? type, string? ns, long? fromVersion, int capacity = 10_000)
    {
        lock (_gate)
        {
            var subscription = new WatchSubscription(type, ns, capacity, Unsubscribe);
            if (fromVersion is null or 0)
            {
                var types = type is null ? ResourceTypes.All : [type];
                foreach (var o in types.SelectMany(t => _objects[t].Values))
                {
                    subscription.Offer(new StoreEvent("ADDED", o));
                }
            }
            else
            {
                var oldest = _history.OldestVersion ?? _resourceVersion;
                if (fromVersion < oldest - 1 && fromVersion < _resourceVersion)
                {
                    throw ApiException.Gone($"too old resource version: {fromVersion} ({_resourceVersion})");
                }

                foreach (var e in _history.After(fromVersion.Value))
                {
                    subscription.Offer(e);
                }
            }

            _subscribers.Add(subscription);
            return subscription;
        }
    }

    private StoredObject Commit(string eventType, ResourceType type, string ns, string name, JsonObject copy, StoredObject? previous = null)
    {
        var stored = Stamp(type, ns, name, copy);
        _objects[type][Key(type, ns, name)] = stored;
        Publish(new StoreEvent(eventType, stored, previous));
        return stored;
    }

    private StoredObject Stamp(ResourceType type, string ns, string name, JsonObject copy)
    {
        _resourceVersion++;
        copy["metadata"]!["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StoredObject(type, ns, name, _resourceVersion, copy, JsonSerializer.SerializeToUtf8Bytes(copy));
    }

    private void Publish(StoreEvent e)
    {
        _history.Add(e);
        foreach (var s in _subscribers)
        {
            s.Offer(e);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private static JsonObject Strip(JsonObject o)
    {
        o["metadata"]?.AsObject().Remove("resourceVersion");
        return o;
    }

    private static string Key(ResourceType type, string ns, string name) => type.Namespaced ? ns + "/" + name : name;
}
