using System.Collections.Concurrent;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Previews waiting for their confirmation: each one usable once, by the presenter who asked for it, until it
/// expires. Kept server-side so a page can only name a preview, never change what it pins.
/// </summary>
internal sealed class PendingPreviews(TimeProvider time, TimeSpan validity)
{
    internal sealed record Entry(string ActionId, ActionDefinition Action, object? Pin, string Actor, DateTimeOffset ValidUntil);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public (string Id, DateTimeOffset ValidUntil) Add(ActionDefinition action, object? pin, string actor)
    {
        var now = time.GetUtcNow();
        foreach (var expired in _entries.Where(e => e.Value.ValidUntil <= now).Select(e => e.Key))
        {
            _entries.TryRemove(expired, out _);
        }

        var id = Guid.NewGuid().ToString("n");
        var until = now + validity;
        _entries[id] = new Entry(action.Id, action, pin, actor, until);
        return (id, until);
    }

    /// <summary>Takes the preview out (a preview runs once): the entry, or null and why not.</summary>
    public Entry? Take(string previewId, string actionId, string actor, out string? problem)
    {
        problem = null;
        if (!_entries.TryRemove(previewId, out var entry))
        {
            problem = "The preview is unknown or was already used; preview again.";
            return null;
        }

        if (entry.ActionId != actionId || entry.Actor != actor)
        {
            problem = "The preview was made for another action or presenter; preview again.";
            return null;
        }

        if (entry.ValidUntil <= time.GetUtcNow())
        {
            problem = "The preview has expired; preview again.";
            return null;
        }

        return entry;
    }
}
