using System.Collections.Concurrent;
using System.Text.Json;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Security;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// <see cref="IActionLeader"/> over Redis: on the leader, actions run here; on any other replica each command is
/// published to the leader (<see cref="LeaderRequestServer"/>) with an id and answered on this replica's own channel.
/// No answer within <see cref="AnswerWithin"/> (Redis away, or no leader while one is being chosen) is a refusal that
/// says so, never a silent no-op.
/// </summary>
public sealed partial class RemoteActionLeader(RedisReplicaConnection redis, ReplicaLeadership leadership, ILogger<RemoteActionLeader> logger)
    : IActionLeader
{
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);
    public const string RequestChannel = "actions";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<ActionReply>> _waiting = new(StringComparer.Ordinal);
    private Task? _subscription;

    public bool RunsHere => leadership.IsLeader;

    private string ReplyChannel => "replies:" + redis.ReplicaId;

    // Blocking on purpose: the executor's start and stop answer at once, and a reply comes back in milliseconds.
    // Redis completes the wait on its own threads, never on a screen's, so this cannot deadlock a circuit.
    public RunStartResult Start(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, string? previewId) =>
        Ask(new ActionRequest("", "", ActionRequest.StartCommand, actor.Name, actor.Role, ActionId: actionId, Parameters: runTimeParameters, PreviewId: previewId))
            .GetAwaiter().GetResult() is { } reply ? reply.ToStartResult() : Unanswered();

    public RunStartResult Stop(Actor actor, string runId) =>
        Ask(new ActionRequest("", "", ActionRequest.StopCommand, actor.Name, actor.Role, RunId: runId))
            .GetAwaiter().GetResult() is { } reply ? reply.ToStartResult() : Unanswered();

    public IReadOnlyList<ActionRunSnapshot> StopAll(Actor actor) =>
        Ask(new ActionRequest("", "", ActionRequest.StopAllCommand, actor.Name, actor.Role)).GetAwaiter().GetResult()?.Runs ?? [];

    public async Task<ActionPreviewResult> PreviewAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, CancellationToken cancellationToken)
    {
        var reply = await Ask(new ActionRequest("", "", ActionRequest.PreviewCommand, actor.Name, actor.Role, ActionId: actionId, Parameters: runTimeParameters));
        var unanswered = new UiMessage("Actions_LeaderUnreachable");
        return reply?.Preview ?? new ActionPreviewResult(null, actionId, unanswered, null, false, unanswered, null);
    }

    private static RunStartResult Unanswered() => RunStartResult.Refused(new UiMessage("Actions_LeaderUnreachable"));

    /// <summary>The leader's reply, or null when none came in time or Redis cannot be reached.</summary>
    private async Task<ActionReply?> Ask(ActionRequest request)
    {
        request = request with { Id = Guid.NewGuid().ToString("n"), ReplyTo = ReplyChannel };
        var answer = new TaskCompletionSource<ActionReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[request.Id] = answer;
        try
        {
            await EnsureSubscribedAsync().ConfigureAwait(false);
            await redis.Subscriber.PublishAsync(RedisReplicaConnection.Channel(RequestChannel), JsonSerializer.Serialize(request, RecordingJson.Options)).ConfigureAwait(false);
            return await answer.Task.WaitAsync(AnswerWithin).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || RedisReplicaConnection.IsUnavailable(ex))
        {
            LogUnanswered(request.Command, request.ActionId ?? request.RunId ?? "", ex.GetType().Name);
            return null;
        }
        finally
        {
            _waiting.TryRemove(request.Id, out _);
        }
    }

    /// <summary>Subscribes to this replica's reply channel once; again after a failed try (Redis was away).</summary>
    private Task EnsureSubscribedAsync()
    {
        var current = Volatile.Read(ref _subscription);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            var fresh = SubscribeAsync();
            current = Interlocked.CompareExchange(ref _subscription, fresh, current) == current ? fresh : Volatile.Read(ref _subscription)!;
        }

        return current;
    }

    private async Task SubscribeAsync()
    {
        var replies = await redis.Subscriber.SubscribeAsync(RedisReplicaConnection.Channel(ReplyChannel)).ConfigureAwait(false);
        replies.OnMessage(message =>
        {
            if (JsonSerializer.Deserialize<ActionReply>(message.Message.ToString(), RecordingJson.Options) is { } reply
                && _waiting.TryGetValue(reply.Id, out var waiting))
            {
                waiting.TrySetResult(reply);
            }
        });
    }

    [LoggerMessage(EventId = 1440, Level = LogLevel.Warning, Message = "No leader answered {Command} {Target} ({Failure})")]
    private partial void LogUnanswered(string command, string target, string failure);
}
