using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;

namespace DemoConsole.Web.Replicas;

/// <summary>An action command a replica hands to the leader (<see cref="RemoteActionLeader"/>), answered on <paramref name="ReplyTo"/>.</summary>
public sealed record ActionRequest(
    string Id,
    string ReplyTo,
    string Command,
    string ActorName,
    ConsoleRole ActorRole,
    string? ActionId = null,
    string? RunId = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    string? PreviewId = null)
{
    public const string StartCommand = "start";
    public const string StopCommand = "stop";
    public const string StopAllCommand = "stop-all";
    public const string PreviewCommand = "preview";

    public Actor Actor => new(ActorName, ActorRole);
}

/// <summary>The leader's answer: a run id or a refusal (as its message key, shown in each screen's language), a preview, or the runs stopped.</summary>
public sealed record ActionReply(
    string Id,
    string? RunId = null,
    string? RefusalKey = null,
    IReadOnlyList<string?>? RefusalArguments = null,
    ActionPreviewResult? Preview = null,
    IReadOnlyList<ActionRunSnapshot>? Runs = null)
{
    public static ActionReply From(string id, RunStartResult result) =>
        result.Message is { } refusal
            ? new ActionReply(id, RefusalKey: refusal.Key, RefusalArguments: [.. refusal.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))])
            : new ActionReply(id, RunId: result.RunId);

    public RunStartResult ToStartResult() =>
        RefusalKey is null ? new RunStartResult(RunId, null) : RunStartResult.Refused(new UiMessage(RefusalKey, [.. RefusalArguments ?? []]));
}
