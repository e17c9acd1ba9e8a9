using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Remembers when the last pod was deleted, so kills keep the minimum interval whoever starts them (any
/// action, the UI or the API). One per console: the interval protects the cluster, not a button.
/// </summary>
public sealed class KillLedger(ClusterActionOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _last;

    /// <summary>Null when a kill may happen now, otherwise how long to wait, in words.</summary>
    public UiMessage? Check()
    {
        lock (_gate)
        {
            return Refusal(time.GetUtcNow());
        }
    }

    /// <summary>Records a kill now unless it is too soon; checking and recording at once so two runs cannot both pass.</summary>
    public UiMessage? TryRecord()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (Refusal(now) is { } refusal)
            {
                return refusal;
            }

            _last = now;
            return null;
        }
    }

    private UiMessage? Refusal(DateTimeOffset now)
    {
        if (_last is not { } last)
        {
            return null;
        }

        var wait = last + options.MinimumKillInterval - now;
        return wait <= TimeSpan.Zero
            ? null
            : new UiMessage("Cluster_KillTooSoon", (now - last).TotalSeconds, Math.Ceiling(wait.TotalSeconds), options.MinimumKillInterval.TotalSeconds);
    }
}
