using System.Collections.Immutable;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;

namespace DemoConsole.Core.Reports;

/// <summary>
/// What happened around the actions during the session that a report needs and no other state keeps: alerts seen
/// firing (first and last seen) and the cluster connection banners (each loss and recovery). Fed by whatever follows
/// the alerts feed and the cluster views (the host), or by a recording played back.
/// </summary>
public sealed class SessionJournal
{
    private const int ProblemLimit = 500;

    /// <summary>Why alerts are not known when no metrics source is configured; the report words it in its reader's language.</summary>
    private static readonly UiMessage NoMetricsSource = new("Report_NoMetricsSource");
    private readonly Lock _gate = new();
    private JournalSnapshot _current = JournalSnapshot.Empty;
    private ConnectionState? _lastConnection;

    public JournalSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Notes every alert firing in <paramref name="snapshot"/>; an alert keeps its first sighting and moves its last.</summary>
    public void ObserveAlerts(AlertsSnapshot snapshot, DateTimeOffset now)
    {
        lock (_gate)
        {
            var alerts = _current.Alerts;
            foreach (var alert in snapshot.Firing)
            {
                var index = alerts.FindIndex(a => a.Name == alert.Name && a.Severity == alert.Severity);
                alerts = index >= 0
                    ? alerts.SetItem(index, alerts[index] with { LastSeen = now, Summary = alert.Summary ?? alerts[index].Summary })
                    : alerts.Add(new AlertLine(alert.Name, alert.Severity, alert.Summary, alert.Since ?? now, now));
            }

            var watched = _current.AlertsWatched || snapshot.Health.State is MetricsState.Up or MetricsState.Down;
            var notWatched = watched ? null
                : snapshot.Health.State == MetricsState.NotConfigured ? (snapshot.Health.Problem ?? NoMetricsSource)
                : _current.AlertsNotWatched;
            _current = _current with { Alerts = alerts, AlertsWatched = watched, AlertsNotWatched = notWatched };
        }
    }

    /// <summary>Notes a connection banner when the cluster link is lost or unavailable, and its recovery.</summary>
    public void ObserveConnection(ConnectionStatus status, DateTimeOffset now)
    {
        lock (_gate)
        {
            var previous = _lastConnection;
            _lastConnection = status.State;
            var text = status.State switch
            {
                ConnectionState.Reconnecting when previous != ConnectionState.Reconnecting => new UiMessage("Report_ClusterLost", status.Problem),
                ConnectionState.Unavailable when previous != ConnectionState.Unavailable => new UiMessage("Report_ClusterUnavailable", status.Problem),
                ConnectionState.Connected when previous is ConnectionState.Reconnecting or ConnectionState.Unavailable => new UiMessage("Report_ClusterBack"),
                _ => null,
            };
            if (text is not null)
            {
                Add(ProblemLine.Of(now, "cluster", text));
            }
        }
    }

    /// <summary>Notes something the presenter should see in the report's problems (a stop everything, for example).</summary>
    public void Note(DateTimeOffset at, string kind, string text)
    {
        lock (_gate)
        {
            Add(new ProblemLine(at, kind, text));
        }
    }

    private void Add(ProblemLine line)
    {
        var problems = _current.Problems.Add(line);
        _current = _current with { Problems = problems.Count > ProblemLimit ? problems.RemoveAt(0) : problems };
    }
}

/// <param name="AlertsWatched">True once an alerts snapshot from a configured source was seen.</param>
/// <param name="AlertsNotWatched">Why alerts were not watched (no metrics source), while none was.</param>
public sealed record JournalSnapshot(ImmutableList<AlertLine> Alerts, ImmutableList<ProblemLine> Problems, bool AlertsWatched, UiMessage? AlertsNotWatched)
{
    public static JournalSnapshot Empty { get; } = new([], [], false, null);
}
