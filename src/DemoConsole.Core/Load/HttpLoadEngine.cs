using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Load;

/// <summary>The HTTP load engine: validates plans against its caps and runs each with its own connections.</summary>
public sealed class HttpLoadEngine(LoadCaps caps, TimeProvider timeProvider) : ILoadEngine
{
    /// <summary>An engine on the system clock.</summary>
    public HttpLoadEngine(LoadCaps caps)
        : this(caps, TimeProvider.System)
    {
    }

    /// <inheritdoc />
    public LoadCaps Caps { get; } = caps;

    /// <inheritdoc />
    public LoadStartResult Start(LoadPlan plan, CancellationToken cancellationToken = default)
    {
        var problems = LoadPlanValidator.TryResolve(plan, Caps, out var resolved);
        if (resolved is null)
        {
            return LoadStartResult.Refused(problems.Count > 0 ? problems : [new UiMessage("Load_Unresolved")]);
        }

        var run = new LoadRun(resolved, timeProvider, cancellationToken);
        run.Start();
        return LoadStartResult.Accepted(run);
    }
}
