using System.Text.Json;
using DemoConsole.Core.Recording;
using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>Who made a shared recording, and whether it is still being written (<see cref="RedisRecordingIndex"/>).</summary>
/// <param name="Interrupted">Its replica stopped leading (or died) while writing it: it ends where its last whole line reached Redis.</param>
public sealed record SharedRecordingEntry(string Replica, bool Recording, bool Interrupted = false);

/// <summary>
/// The recordings replicas share, in Redis: the index (a hash, file name to <see cref="SharedRecordingEntry"/>), each
/// recording's bytes (a string per recording, exactly the file's bytes, grown with APPEND in whole lines), the names
/// deleted (a set, so a replica that still has a copy deletes it rather than sharing it again), the recording switch
/// and the recording replica's status. Content is only appended at the length the writer expects and only while the
/// name is in the index, in one script each, so two replicas sending the same bytes, or a send racing a delete, can
/// neither double a line nor bring a deleted recording back.
/// </summary>
public sealed class RedisRecordingIndex(RedisReplicaConnection redis)
{
    /// <summary>Announces a change (switch, status, a recording added or deleted): replicas look again at once.</summary>
    public const string ChangedChannel = "recordings";

    /// <summary>Snapshots screens on other replicas showed, for the recording replica.</summary>
    public const string OffersChannel = "recording-offers";

    private const string AppendScript = """
        if redis.call('hexists', KEYS[2], ARGV[1]) == 0 then return -1 end
        if redis.call('strlen', KEYS[1]) ~= tonumber(ARGV[2]) then return 0 end
        redis.call('append', KEYS[1], ARGV[3])
        return 1
        """;

    private const string AddScript = """
        if redis.call('sismember', KEYS[2], ARGV[1]) == 1 then return 0 end
        return redis.call('hsetnx', KEYS[1], ARGV[1], ARGV[2])
        """;

    private const string DeleteScript = """
        redis.call('sadd', KEYS[2], ARGV[1])
        redis.call('del', KEYS[3])
        return redis.call('hdel', KEYS[1], ARGV[1])
        """;

    private const string UpdateScript = """
        if redis.call('hexists', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    // Growing by APPEND leaves Redis spare room (as much again below 1 MB, 1 MB above); a recording that ended is
    // stored again at its exact size, inside Redis, so its bytes do not cross the network for it.
    private const string CompactScript = """
        local content = redis.call('get', KEYS[1])
        if content then redis.call('set', KEYS[1], content) end
        return 1
        """;

    private static readonly RedisKey Index = RedisReplicaConnection.Key("recordings");
    private static readonly RedisKey Deleted = RedisReplicaConnection.Key("recordings:deleted");
    private static readonly RedisKey SwitchKey = RedisReplicaConnection.Key("recording:switch");
    private static readonly RedisKey StatusKey = RedisReplicaConnection.Key("recording:status");

    public static RedisKey Content(string name) => RedisReplicaConnection.Key("recording:" + name);

    private IDatabase Database => redis.Database;

    public async Task<IReadOnlyDictionary<string, SharedRecordingEntry>> ListAsync()
    {
        var entries = new Dictionary<string, SharedRecordingEntry>(StringComparer.Ordinal);
        foreach (var field in await Database.HashGetAllAsync(Index))
        {
            if (Parse(field.Value) is { } entry)
            {
                entries[field.Name.ToString()] = entry;
            }
        }

        return entries;
    }

    public async Task<IReadOnlySet<string>> DeletedAsync() =>
        (await Database.SetMembersAsync(Deleted)).Select(m => m.ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>How many bytes of each recording Redis holds (0 for one it has none of).</summary>
    public async Task<IReadOnlyList<long>> LengthsAsync(IReadOnlyList<string> names)
    {
        var batch = Database.CreateBatch();
        var lengths = names.Select(n => batch.StringLengthAsync(Content(n))).ToList();
        batch.Execute();
        return await Task.WhenAll(lengths);
    }

    /// <summary>Shares a recording a replica has (one it found in its folder); false when its name was deleted or it is shared already.</summary>
    public async Task<bool> AddAsync(string name, SharedRecordingEntry entry) =>
        (long)await Database.ScriptEvaluateAsync(AddScript, [Index, Deleted], [name, Json(entry)]) == 1;

    /// <summary>Shares the recording the recording replica has just started (a name deleted before is a new recording now).</summary>
    public async Task StartedAsync(string name, SharedRecordingEntry entry)
    {
        var transaction = Database.CreateTransaction();
        _ = transaction.SetRemoveAsync(Deleted, name);
        _ = transaction.HashSetAsync(Index, name, Json(entry));
        await transaction.ExecuteAsync();
    }

    /// <summary>Replaces a shared recording's entry; false when it is not shared (deleted meanwhile).</summary>
    public async Task<bool> UpdateAsync(string name, SharedRecordingEntry entry) =>
        (long)await Database.ScriptEvaluateAsync(UpdateScript, [Index], [name, Json(entry)]) == 1;

    /// <summary>A recording that no longer grows: its content kept at its exact size.</summary>
    public Task CompactAsync(string name) => Database.ScriptEvaluateAsync(CompactScript, [Content(name)]);

    /// <summary>
    /// Appends <paramref name="bytes"/> to a shared recording that has exactly <paramref name="length"/> bytes in Redis;
    /// false when it has another length (another replica sent them first) or is no longer shared.
    /// </summary>
    public async Task<bool> AppendAsync(string name, long length, byte[] bytes) =>
        (long)await Database.ScriptEvaluateAsync(AppendScript, [Content(name), Index], [name, length, bytes]) == 1;

    /// <summary>Bytes <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) of a shared recording.</summary>
    public async Task<byte[]> ReadAsync(string name, long from, long to) =>
        (byte[]?)await Database.StringGetRangeAsync(Content(name), from, to - 1) ?? [];

    /// <summary>Deletes a shared recording (entry and content) and remembers its name as deleted; false when none was shared by that name.</summary>
    public async Task<bool> DeleteAsync(string name) =>
        (long)await Database.ScriptEvaluateAsync(DeleteScript, [Index, Deleted, Content(name)], [name]) == 1;

    /// <summary>The shared recording switch; null while no replica has set it.</summary>
    public async Task<bool?> SwitchAsync()
    {
        var value = await Database.StringGetAsync(SwitchKey);
        return value.HasValue ? value == "on" : null;
    }

    public Task SetSwitchAsync(bool on) => Database.StringSetAsync(SwitchKey, on ? "on" : "off");

    /// <summary>Sets the switch only if no replica has (start-up's "record by default").</summary>
    public Task SetSwitchUnlessSetAsync(bool on) => Database.StringSetAsync(SwitchKey, on ? "on" : "off", when: When.NotExists);

    public async Task<RecorderStatus?> StatusAsync()
    {
        var value = await Database.StringGetAsync(StatusKey);
        return value.HasValue ? JsonSerializer.Deserialize<RecorderStatus>(value.ToString(), RecordingJson.Options) : null;
    }

    public Task SetStatusAsync(RecorderStatus status) => Database.StringSetAsync(StatusKey, JsonSerializer.Serialize(status, RecordingJson.Options));

    public Task AnnounceAsync() => redis.Subscriber.PublishAsync(RedisReplicaConnection.Channel(ChangedChannel), redis.ReplicaId);

    private static string Json(SharedRecordingEntry entry) => JsonSerializer.Serialize(entry, RecordingJson.Options);

    private static SharedRecordingEntry? Parse(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<SharedRecordingEntry>(value.ToString(), RecordingJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
