namespace DemoConsole.Benchmarks.Screens;

/// <summary>A pod event that changes what the table shows (a row appears, its STATUS or READY changes, it disappears).</summary>
internal sealed record VisibleEvent(string Pod, string Kind, string? State, double PublishedAt, double ClientAt);

/// <summary>When one screen showed one visible event: <c>Shown</c> at the DOM change, <c>Painted</c> at the next frame.</summary>
internal sealed record ScreenLatency(VisibleEvent Event, double Shown, double? Painted, bool Superseded)
{
    public double Milliseconds => Shown - Event.PublishedAt;

    public double? PaintedMilliseconds => Painted - Event.PublishedAt;
}

internal static class VisibleEvents
{
    /// <summary>
    /// The events, in the watcher's order, that change a pod's displayed state, published after <paramref name="from"/>.
    /// Events that change nothing on screen (a node name set, a condition the table does not show) are left out.
    /// </summary>
    public static IReadOnlyList<VisibleEvent> From(IReadOnlyDictionary<string, string> initial, IEnumerable<ClientEvent> received,
        Func<long, double?> publishedAt, double from, out int unmatched)
    {
        var shown = new Dictionary<string, string?>(initial.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)), StringComparer.Ordinal);
        var visible = new List<VisibleEvent>();
        unmatched = 0;
        foreach (var e in received)
        {
            var had = shown.TryGetValue(e.Pod, out var before) && before is not null;
            if (had && before == e.State || !had && e.State is null)
            {
                continue;
            }

            shown[e.Pod] = e.State;
            if (publishedAt(e.ResourceVersion) is not { } probed)
            {
                unmatched++;
                continue;
            }

            var published = Math.Min(probed, e.ArrivedAt);

            if (published < from)
            {
                continue;
            }

            var kind = e.State is null ? "row removed"
                : !had ? "row added"
                : e.State.StartsWith("Terminating", StringComparison.Ordinal) ? "terminating"
                : e.Ready ? "ready" : "status change";
            visible.Add(new VisibleEvent(e.Pod, kind, e.State, published, e.ArrivedAt));
        }

        return visible;
    }

    /// <summary>
    /// For each visible event, the first moment the screen showed that event's state or a later one of the same pod:
    /// the console renders at most ten times a second per screen, so a state can be replaced before it is drawn, and
    /// the screen has then still caught up with the event. Events never caught up with are counted as missing.
    /// </summary>
    public static IReadOnlyList<ScreenLatency> OnScreen(IReadOnlyList<VisibleEvent> events, IReadOnlyList<ScreenChange> log, out int missing)
    {
        var result = new List<ScreenLatency>();
        missing = 0;
        foreach (var pod in events.GroupBy(e => e.Pod, StringComparer.Ordinal))
        {
            var sequence = pod.ToList();
            var changes = log.Where(c => c.Pod == pod.Key).ToList();
            for (var i = 0; i < sequence.Count; i++)
            {
                var targets = sequence.Skip(i).Select(e => e.State).ToList();
                var hit = changes.FirstOrDefault(c => targets.Contains(c.State));
                if (hit is null)
                {
                    missing++;
                    continue;
                }

                result.Add(new ScreenLatency(sequence[i], hit.T, hit.F, hit.State != sequence[i].State));
            }
        }

        return result;
    }
}
