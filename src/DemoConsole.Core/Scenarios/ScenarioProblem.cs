using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Scenarios;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong in a scenario file, with the 1-based line it was found on.</summary>
/// <param name="Text">What is wrong, rendered in the reader's language (<see cref="UiMessage.Format"/>): the banner in the
/// screen's, <c>check</c> in the command line's.</param>
public sealed record ScenarioProblem(int Line, ProblemSeverity Severity, UiMessage Text)
{
    /// <summary>The problem in English: logs, and the scenario's English-language tests.</summary>
    public string Message => Text.ToString();

    public override string ToString() => $"line {Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>The outcome of parsing: a scenario when there are no errors, and every problem found (warnings included).</summary>
public sealed record ScenarioParseResult(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool Succeeded => Scenario is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}
