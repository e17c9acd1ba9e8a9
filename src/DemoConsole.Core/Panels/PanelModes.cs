using System.Collections.Immutable;
using DemoConsole.Core.Live;

namespace DemoConsole.Core.Panels;

/// <summary>
/// Which panels a presenter has switched from their Grafana/Kiali frame to the console's own view. Held on the server,
/// so the audience screen and every presenter tab show the same thing as the presenter who switched.
/// </summary>
public sealed class PanelModes
{
    private readonly SnapshotBroadcaster<ImmutableHashSet<string>> _native = new(ImmutableHashSet.Create<string>(StringComparer.Ordinal));
    private readonly Lock _gate = new();

    public ImmutableHashSet<string> Native => _native.Current;

    public IAsyncEnumerable<ImmutableHashSet<string>> WatchAsync(CancellationToken cancellationToken = default) => _native.SubscribeAsync(cancellationToken);

    /// <summary>Shows the console's view in place of panel <paramref name="panelId"/>'s frame, or the frame again.</summary>
    public void Set(string panelId, bool native)
    {
        lock (_gate)
        {
            _native.Publish(native ? _native.Current.Add(panelId) : _native.Current.Remove(panelId));
        }
    }
}
