using System.Text.Json.Nodes;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Session;

namespace DemoConsole.Web.Replicas;

/// <summary>What a replica's recorder asks of the shared recordings: the switch, a delete, a screen's snapshot for the leader.</summary>
public sealed partial class SharedRecordings
{
    // Blocking, as the executor's forwarded commands are: a Redis call answers in milliseconds or fails within 2 s. On
    // the pool (Task.Run), so no continuation waits for the screen's renderer this call is blocking.
    public CommandResult Switch(bool on)
    {
        try
        {
            Task.Run(async () =>
            {
                await _index.SetSwitchAsync(on);
                await _index.AnnounceAsync();
            }).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            return CommandResult.Refused(new UiMessage("Recording_SharedUnreachable"));
        }

        Kick();
        return CommandResult.Ok;
    }

    public void SwitchOnUnlessSet()
    {
        _switchOnUnlessSet = true;
        Kick();
    }

    public bool? Delete(string name)
    {
        try
        {
            return Task.Run(async () =>
            {
                var deleted = await _index.DeleteAsync(name);
                await _index.AnnounceAsync();
                return deleted;
            }).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            return null;
        }
    }

    public bool Interrupted(string name) => _copies?.Shared.TryGetValue(name, out var entry) == true && entry.Interrupted;

    public void Offer(string stream, JsonObject snapshot)
    {
        try
        {
            redis.Subscriber.Publish(RedisReplicaConnection.Channel(RedisRecordingIndex.OffersChannel), stream + "\n" + snapshot.ToJsonString(RecordingJson.Options),
                StackExchange.Redis.CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // A screen's snapshot is not worth waiting for: the next one comes.
        }
    }
}
