namespace DemoConsole.Core.Load;

/// <summary>Sends HTTP load described by a <see cref="LoadPlan"/>, within the server's <see cref="LoadCaps"/>.</summary>
public interface ILoadEngine
{
    /// <summary>The limits every plan is checked against.</summary>
    LoadCaps Caps { get; }

    /// <summary>
    /// Validates <paramref name="plan"/> and, if it is within the caps, starts it in the background and
    /// returns at once. A bad plan is refused with every problem listed; this never throws for bad input.
    /// The run lives until it ends, <see cref="ILoadRun.Stop"/> is called or <paramref name="cancellationToken"/> fires.
    /// </summary>
    LoadStartResult Start(LoadPlan plan, CancellationToken cancellationToken = default);
}
