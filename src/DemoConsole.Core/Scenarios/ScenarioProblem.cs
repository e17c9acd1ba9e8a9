namespace DemoConsole.Core.Scenarios;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong in a scenario file, with the 1-based line it was found on.</summary>
public sealed record ScenarioProblem(int Line, ProblemSeverity Severity, string Message)
{
    public override string ToString() => $"line {Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>The outcome of parsing: a scenario when there are no errors, and every problem found (warnings included).</summary>
public sealed record ScenarioParseResult(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool Succeeded => Scenario is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}
