namespace DemoConsole.Core.Recording.Replay;

/// <summary>Where a part starts in a recording, for "jump to part" and stepping part by part.</summary>
public sealed record ReplayPart(int Number, TimeSpan Offset);

/// <summary>
/// What every screen's replay marker and the presenter's replay controls show. <see cref="Clock"/> is the recorded
/// moment being shown: the timers read against it, so they show what they showed then.
/// </summary>
public sealed record ReplayStatus
{
    public static ReplayStatus Live { get; } = new();

    public bool Active { get; init; }

    /// <summary>The recording's file name.</summary>
    public string? Name { get; init; }

    public string? Scenario { get; init; }

    /// <summary>When the recording started (the date on the marker).</summary>
    public DateTimeOffset RecordedAt { get; init; }

    public TimeSpan Position { get; init; }

    public TimeSpan Length { get; init; }

    public double Speed { get; init; } = 1;

    public bool Paused { get; init; }

    public bool Ended => Active && Position >= Length;

    public IReadOnlyList<ReplayPart> Parts { get; init; } = [];

    /// <summary>The part the replay shows now (0 when on a page that is not a part).</summary>
    public int CurrentPart { get; init; }

    public DateTimeOffset Clock => RecordedAt + Position;
}
