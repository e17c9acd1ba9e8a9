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
        if (LoadStartResult.Refuses(plan, Caps, out var refusal, out var resolved))
        {
            return refusal;
        }

        var run = new LoadRun(resolved, timeProvider, cancellationToken);
        run.Start();
        return LoadStartResult.Accepted(run);
    }
}
