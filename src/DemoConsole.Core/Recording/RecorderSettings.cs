namespace DemoConsole.Core.Recording;

/// <summary>How the host set up recording: where files go, whether a session is recorded from the start, what must never be written.</summary>
/// <param name="Store">The recordings folder; null when the console keeps no state (nothing can be recorded).</param>
/// <param name="OnAtStart">Record from start-up (the default in sandbox mode, where every session is a rehearsal).</param>
/// <param name="ClusterMode">Written into each recording's header.</param>
/// <param name="Secrets">Exact values scrubbed from everything written (presenter key, viewer token, tokens); read when a
/// recording starts, as some exist only once the host has started (the sandbox's GitHub token).</param>
public sealed record RecorderSettings(RecordingStore? Store, bool OnAtStart, string ClusterMode, Func<IEnumerable<string?>> Secrets);
