namespace DemoConsole.Core.Load;

/// <summary>Lifecycle of a load run.</summary>
public enum LoadRunState
{
    /// <summary>Sending or waiting for responses.</summary>
    Running,

    /// <summary>Every planned request was sent (or dropped) and answered, failed or timed out.</summary>
    Completed,

    /// <summary>Stopped by the caller before the plan was done.</summary>
    Stopped,

    /// <summary>The engine itself failed; <see cref="LoadSnapshot.Failure"/> says why.</summary>
    Failed,
}
