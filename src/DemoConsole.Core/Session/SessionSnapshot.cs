using System.Collections.Immutable;

namespace DemoConsole.Core.Session;

/// <summary>A checked checklist item: by whom and when, so the team sees who did what.</summary>
public sealed record ChecklistMark(string By, DateTimeOffset At);

/// <summary>Everything every screen needs to show the same demo. Immutable; a new one is published on every change.</summary>
public sealed record SessionSnapshot
{
    public long Version { get; init; }

    public SessionPosition Position { get; init; } = SessionPosition.Overview;

    public DemoTimers Timers { get; init; } = DemoTimers.NotStarted;

    public ImmutableDictionary<string, ChecklistMark> Checklist { get; init; } =
        ImmutableDictionary<string, ChecklistMark>.Empty;

    /// <summary>How the audience screen looks; a presenter chooses it for the room.</summary>
    public AudienceTheme AudienceTheme { get; init; } = AudienceTheme.Projector;

    /// <summary>The presenter who holds control; null until someone drives.</summary>
    public string? Driver { get; init; }

    /// <summary>Presenters connected now (names), so everyone sees who is rehearsing.</summary>
    public ImmutableSortedSet<string> Presenters { get; init; } = ImmutableSortedSet<string>.Empty;

    public int CurrentPart => Position.Kind == PageKind.Part ? Position.Part : 0;
}
