using DemoConsole.Core.Recording;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Keeps this replica's recordings folder and the shared recordings in Redis (<see cref="RedisRecordingIndex"/>) the
/// same, by one rule for every replica and every recording: where this folder has more whole lines than Redis, they
/// are sent; where Redis has more, they are fetched. So the leader's file in progress reaches Redis line by line, every
/// other replica gets a copy of every recording (to list, replay and download as its own), and after Redis restarted
/// empty the replicas share again what they have. A name deleted anywhere is deleted here, never shared again.
/// </summary>
public sealed class RecordingCopies(RedisRecordingIndex index, RecordingStore store, string replica, Func<string?> beingWritten)
{
    /// <summary>The most fetched from Redis in one read: a long rehearsal's recording comes in a few reads, not one huge one.</summary>
    public const int Chunk = 1024 * 1024;

    // Recordings this replica started, until Redis has all of each and its entry says it ended.
    private readonly HashSet<string> _startedHere = new(StringComparer.Ordinal);

    /// <summary>The shared recordings as last seen (for the recordings page, without a Redis call per render).</summary>
    public IReadOnlyDictionary<string, SharedRecordingEntry> Shared { get; private set; } = new Dictionary<string, SharedRecordingEntry>();

    /// <summary>The leader's recording <paramref name="name"/>, shared as being written (once).</summary>
    public async Task RecordingAsync(string name)
    {
        if (!_startedHere.Contains(name))
        {
            await index.StartedAsync(name, new SharedRecordingEntry(replica, Recording: true));
            _startedHere.Add(name);
        }
    }

    /// <summary>A new leader: what another replica was writing ends where it reached Redis. How many.</summary>
    public async Task<int> InterruptOthersAsync()
    {
        var count = 0;
        foreach (var (name, entry) in await index.ListAsync())
        {
            if (entry.Recording && entry.Replica != replica
                && await index.UpdateAsync(name, entry with { Recording = false, Interrupted = true }))
            {
                await index.CompactAsync(name);
                count++;
            }
        }

        return count;
    }

    /// <summary>One look; true when it changed what the replicas share (they are told to look at once).</summary>
    /// <param name="writing">The recording this replica is writing now (as leader), or null.</param>
    public async Task<bool> SyncAsync(string? writing)
    {
        var shared = (await index.ListAsync()).ToDictionary();
        var deleted = await index.DeletedAsync();
        var changed = false;
        foreach (var name in store.Names())
        {
            if (deleted.Contains(name) && !shared.ContainsKey(name))
            {
                store.Delete(name, beingWritten());
            }
            else if (!shared.ContainsKey(name) && !deleted.Contains(name))
            {
                // Made before this console had replicas, or Redis restarted empty: shared from here.
                var entry = new SharedRecordingEntry(replica, Recording: name == writing);
                if (await index.AddAsync(name, entry))
                {
                    shared[name] = entry;
                    changed = true;
                }
            }
        }

        var names = shared.Keys.ToList();
        var lengths = await index.LengthsAsync(names);
        for (var i = 0; i < names.Count; i++)
        {
            var (name, remote) = (names[i], lengths[i]);
            var local = store.LengthOf(name);
            if (local > remote)
            {
                var lines = store.WholeLinesFrom(name, remote);
                if (lines.Length > 0 && await index.AppendAsync(name, remote, lines))
                {
                    changed = true;
                    remote += lines.Length;
                }
            }
            else if (remote > local && name != writing)
            {
                await FetchAsync(name, local, remote);
            }

            if (name != writing && _startedHere.Contains(name) && store.LengthOf(name) <= remote)
            {
                // All of it is in Redis: it reads as ended on every replica.
                await index.UpdateAsync(name, new SharedRecordingEntry(replica, Recording: false));
                await index.CompactAsync(name);
                _startedHere.Remove(name);
                changed = true;
            }
        }

        _startedHere.RemoveWhere(name => !shared.ContainsKey(name));
        Shared = shared;
        return changed;
    }

    private async Task FetchAsync(string name, long local, long remote)
    {
        while (local < remote)
        {
            var bytes = await index.ReadAsync(name, local, Math.Min(remote, local + Chunk));
            if (bytes.Length == 0 || !store.Receive(name, local, bytes))
            {
                return;
            }

            local += bytes.Length;
        }
    }
}
