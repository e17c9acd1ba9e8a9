using System.Collections.Immutable;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// The objects this console created in this session (an apply that the API server answered with 201), so that
/// "stop everything" removes exactly those and never an object that existed before or that someone else made. An
/// object updated by an apply (it existed already) is not recorded: the console did not create it.
/// </summary>
public sealed class SessionDeployments
{
    private readonly Lock _gate = new();
    private ImmutableList<CreatedObject> _objects = [];

    /// <summary>Every object created in this session, oldest first, with whether it has been removed since.</summary>
    public ImmutableList<CreatedObject> Objects
    {
        get
        {
            lock (_gate)
            {
                return _objects;
            }
        }
    }

    /// <summary>The objects created and not removed since (by a delete action or by stop everything).</summary>
    public ImmutableList<CreatedObject> Present => Objects.Where(o => o.RemovedAt is null).ToImmutableList();

    internal void RecordCreated(CreatedObject created)
    {
        lock (_gate)
        {
            // The same name created again (applied, deleted, applied) is a new object with a new uid: both are kept.
            _objects = _objects.Add(created);
        }
    }

    /// <summary>Marks the session's objects of that kind and name as gone (deleted or found absent).</summary>
    internal void RecordRemoved(string kind, string ns, string name, DateTimeOffset at, UiMessage how)
    {
        lock (_gate)
        {
            _objects = _objects.Select(o => o.RemovedAt is null && o.Kind == kind && o.Namespace == ns && o.Name == name
                ? o with { RemovedAt = at, RemovedHow = how }
                : o).ToImmutableList();
        }
    }
}

/// <param name="Uid">The uid the API server gave it: a removal is conditional on it, so a re-created object of the same
/// name that the console did not create is never deleted.</param>
/// <param name="RunId">The run that created it.</param>
/// <param name="RemovedHow">"deleted by run …", "removed by stop everything", "already gone", ...</param>
public sealed record CreatedObject(
    string ApiVersion, string Kind, string Name, string Namespace, string? Uid, string RunId, DateTimeOffset CreatedAt,
    DateTimeOffset? RemovedAt = null, UiMessage? RemovedHow = null)
{
    public string Describe() => $"{Kind}/{Name} in {Namespace}";
}
