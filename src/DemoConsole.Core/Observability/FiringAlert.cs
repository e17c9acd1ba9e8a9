namespace DemoConsole.Core.Observability;

/// <summary>An alert that fires now: what the banner and the audience screen show.</summary>
public sealed record FiringAlert(string Name, string? Summary, string? Severity, DateTimeOffset? Since, double Value);
