using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Actions;

[JsonConverter(typeof(JsonStringEnumConverter<ActionRunStatus>))]
public enum ActionRunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Refused,
}

/// <summary>One run of an action as every screen and the API see it. Immutable; replaced as the run progresses.</summary>
public sealed record ActionRunSnapshot
{
    public required string RunId { get; init; }

    public required string ActionId { get; init; }

    public required string Kind { get; init; }

    public required string Title { get; init; }

    public int? Part { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public ActionRunStatus Status { get; init; } = ActionRunStatus.Running;

    /// <summary>How the run ended, in English: logs, the API and recordings (<see cref="Text"/> is the same for a screen).</summary>
    public string? Message { get; init; }

    /// <summary>How the run ended, for a screen in its language; not serialised (a recording keeps <see cref="Message"/>).</summary>
    [JsonIgnore]
    public UiMessage? Text { get; init; }

    /// <summary>The live figures while running, the final result when ended (a load summary, a recovery timeline, ...).</summary>
    public IActionResult? Result { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public bool IsRunning => Status == ActionRunStatus.Running;

    /// <summary>How the run ended in the current UI language (a replayed run's English <see cref="Message"/> as recorded).</summary>
    public string? Describe() => Text?.Format() ?? Message;
}

/// <summary>Whether the presenter may run an action now, and if not, why (shown on the disabled button).</summary>
/// <param name="Reason">Why it cannot run now, in English (logs, API); <see cref="Why"/> is the same for a screen.</param>
public sealed record ActionAvailability(string Id, string Kind, int? Part, string Title, bool CanRun, string? Reason,
    [property: JsonIgnore] UiMessage? Why = null)
{
    /// <summary>Why it cannot run now, in the current UI language; null when it can.</summary>
    public string? Describe() => Why?.Format() ?? Reason;
}

/// <summary>The answer to a run request: a run id, or the reason it was refused.</summary>
/// <param name="Error">The refusal in English (logs, tests); <see cref="Message"/> is the same for a screen or an API answer.</param>
public sealed record RunStartResult(string? RunId, string? Error, [property: JsonIgnore] UiMessage? Message = null)
{
    public static RunStartResult Refused(UiMessage message) => new(null, message.ToString(), message);

    /// <summary>The refusal in the current UI language; empty when it started.</summary>
    public string Describe() => Message?.Format() ?? Error ?? "";

    [MemberNotNullWhen(true, nameof(RunId))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Started => RunId is not null;
}
