using System.Collections.Concurrent;
using DemoConsole.Core.Messages;
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
    public Entry? Take(string previewId, string actionId, string actor, out UiMessage? problem)
    {
        problem = null;
        if (!_entries.TryRemove(previewId, out var entry))
        {
            problem = new UiMessage("Action_PreviewUnknown");
            return null;
        }

        if (entry.ActionId != actionId || entry.Actor != actor)
        {
            problem = new UiMessage("Action_PreviewOtherAction");
            return null;
        }

        if (entry.ValidUntil <= time.GetUtcNow())
        {
            problem = new UiMessage("Action_PreviewExpired");
            return null;
        }

        return entry;
    }
}
