using System.Text.Json.Nodes;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Recording;

/// <summary>
/// The recorder's side of console replicas sharing one state: one recorder for the shared session, on the leader
/// (it runs the actions and its session is everyone's). The switch is shared state, not a command forwarded to the
/// leader: a replica that takes over after the leader died finds it and goes on recording, which a forwarded command
/// lost with the leader could not give. Every replica's recordings folder becomes a copy of one shared set of
/// recordings. Without replicas there is none of this and the recorder records here, as on a laptop.
/// </summary>
public interface IRecordingReplicas
{
    /// <summary>True on the replica that records (the leader).</summary>
    bool RecordsHere { get; }

    /// <summary>Shares the switch (the presenter's role is checked by the recorder); the leader follows it.</summary>
    CommandResult Switch(bool on);

    /// <summary>Switches on at start-up only if no replica has set the switch yet (a presenter's "off" outlives a restart).</summary>
    void SwitchOnUnlessSet();

    /// <summary>
    /// Removes recording <paramref name="name"/> from what replicas share, and so at their next look from every
    /// replica's folder; false when none was shared by that name, null when that cannot be done now (Redis away).
    /// </summary>
    bool? Delete(string name);

    /// <summary>True when the replica recording <paramref name="name"/> stopped before closing it (it ends where its lines reached the others).</summary>
    bool Interrupted(string name);

    /// <summary>A snapshot (scrubbed) a screen on a replica that does not record showed; handed to the one that records.</summary>
    void Offer(string stream, JsonObject snapshot);
}
