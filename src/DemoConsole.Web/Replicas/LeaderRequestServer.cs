using System.Text.Json;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Recording;
using DemoConsole.Core.StopAll;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// The leader's side of <see cref="RemoteActionLeader"/>: runs the action commands other replicas hand over, through
/// the same executor (role checks, guard rails, one run per action) as its own screens, and answers each. Every
/// replica listens; only the one leading at that moment answers. Stop everything runs here whole, so what the leader
/// created is removed by the leader that knows it.
/// </summary>
public sealed partial class LeaderRequestServer(
    RedisReplicaConnection redis,
    ReplicaLeadership leadership,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LeaderRequestServer> logger) : BackgroundService
{
    private ActionExecutor _executor = null!;
    private StopEverything _stopEverything = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ApplicationStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        _executor = services.GetRequiredService<ActionExecutor>();
        _stopEverything = services.GetRequiredService<StopEverything>();
        using var timer = new PeriodicTimer(SharedSession.SyncEvery, time);
        do
        {
            try
            {
                var requests = await redis.Subscriber.SubscribeAsync(RedisReplicaConnection.Channel(RemoteActionLeader.RequestChannel));
                requests.OnMessage(message => AnswerAsync(message.Message.ToString(), stoppingToken));
                return;
            }
            catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
            {
                // Redis not reachable yet: subscribe at the next tick.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnswerAsync(string text, CancellationToken stoppingToken)
    {
        if (!leadership.IsLeader || JsonSerializer.Deserialize<ActionRequest>(text, RecordingJson.Options) is not { } request)
        {
            return;
        }

        var reply = request.Command switch
        {
            ActionRequest.StartCommand => ActionReply.From(request.Id, _executor.Start(request.Actor, request.ActionId ?? "", request.Parameters, request.PreviewId)),
            ActionRequest.StopCommand => ActionReply.From(request.Id, _executor.Stop(request.Actor, request.RunId ?? "")),
            ActionRequest.StopAllCommand => StopEverything(request),
            ActionRequest.PreviewCommand => new ActionReply(request.Id, Preview: await _executor.PreviewAsync(request.Actor, request.ActionId ?? "", request.Parameters, stoppingToken)),
            _ => null,
        };
        if (reply is null)
        {
            return;
        }

        LogAnswered(request.Command, request.ActorName, request.ReplyTo);
        try
        {
            await redis.Subscriber.PublishAsync(RedisReplicaConnection.Channel(request.ReplyTo), JsonSerializer.Serialize(reply, RecordingJson.Options));
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // The asking replica times out and says so.
        }
    }

    /// <summary>Answers with the runs in flight at once and stops everything here; the asker watches the board for the ends.</summary>
    private ActionReply StopEverything(ActionRequest request)
    {
        var running = request.Actor.IsPresenter ? _executor.Board.Runs.Where(r => r.IsRunning).ToList() : [];
        _ = _stopEverything.RunAsync(request.Actor, CancellationToken.None);
        return new ActionReply(request.Id, Runs: running);
    }

    [LoggerMessage(EventId = 1450, Level = LogLevel.Information, Message = "Leader ran {Command} for {Actor} from {ReplyTo}")]
    private partial void LogAnswered(string command, string actor, string replyTo);
}
