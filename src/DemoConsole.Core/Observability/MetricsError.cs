using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>A failed metrics call in words fit for the presenter; never contains credentials.</summary>
public sealed record MetricsError(MetricsErrorKind Kind, UiMessage Message)
{
    /// <summary>True when the source itself is down (not a problem of one query): the "Prometheus down" banner.</summary>
    public bool SourceDown => Kind is MetricsErrorKind.Unreachable or MetricsErrorKind.Timeout or MetricsErrorKind.Server;
}
