namespace DemoConsole.Sandbox.Store;

/// <summary>
/// The store's bounded history of changes (a ring buffer; the oldest change is dropped first): what a watch replays
/// after a resourceVersion, and what a list at an older resourceVersion undoes. Not thread-safe on purpose: the
/// <see cref="ResourceStore"/> only calls it under its own lock, so the history and the live objects move together.
/// </summary>
internal sealed class ChangeHistory
{
    private readonly StoreEvent[] _events;
    private int _start;
    private int _count;

    public ChangeHistory(int capacity) => _events = new StoreEvent[capacity];

    /// <summary>The resourceVersion of the oldest change still kept, or null when there is none.</summary>
    public long? OldestVersion => _count == 0 ? null : _events[_start].Object.ResourceVersion;

    /// <summary>Keeps a change; when full, the oldest one is forgotten (etcd's compaction).</summary>
    public void Add(StoreEvent e)
    {
        if (_count < _events.Length)
        {
            _events[(_start + _count) % _events.Length] = e;
            _count++;
        }
        else
        {
            _events[_start] = e;
            _start = (_start + 1) % _events.Length;
        }
    }

    /// <summary>The kept changes after <paramref name="version"/>, oldest first (what a resumed watch replays).</summary>
    public IEnumerable<StoreEvent> After(long version)
    {
        for (var i = 0; i < _count; i++)
        {
            var e = this[i];
            if (e.Object.ResourceVersion > version)
            {
                yield return e;
            }
        }
    }

    /// <summary>
    /// Objects of a type as they were at <paramref name="version"/>, as etcd reads at a revision: the
    /// <paramref name="current"/> objects (keyed by <paramref name="key"/>) with the changes after it undone. Null when
    /// the history no longer reaches back that far (etcd's "compacted").
    /// </summary>
    public IEnumerable<StoredObject>? SnapshotAt(
        ResourceType type, long version, IDictionary<string, StoredObject> current, Func<StoredObject, string> key)
    {
        if ((OldestVersion ?? long.MaxValue) > version + 1)
        {
            return null;
        }

        var snapshot = new SortedDictionary<string, StoredObject>(current, StringComparer.Ordinal);
        for (var i = _count - 1; i >= 0; i--)
        {
            var e = this[i];
            if (e.Object.ResourceVersion <= version)
            {
                break;
            }

            if (e.Object.Type != type)
            {
                continue;
            }

            if (e.Previous is null)
            {
                snapshot.Remove(key(e.Object));
            }
            else
            {
                snapshot[key(e.Object)] = e.Previous;
            }
        }

        return snapshot.Values;
    }

    private StoreEvent this[int index] => _events[(_start + index) % _events.Length];
}
