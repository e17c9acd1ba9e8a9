using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>Collects every problem of one parse, so an author sees all of them at once rather than one per run.</summary>
internal sealed class ProblemList
{
    private readonly List<ScenarioProblem> _problems = [];

    public bool HasErrors => _problems.Exists(p => p.Severity == ProblemSeverity.Error);

    public void Error(int line, UiMessage message) => _problems.Add(new ScenarioProblem(line, ProblemSeverity.Error, message));

    public void Warning(int line, UiMessage message) => _problems.Add(new ScenarioProblem(line, ProblemSeverity.Warning, message));

    /// <summary>Problems sorted by line (stable, so problems on one line keep the order they were found in).</summary>
    public IReadOnlyList<ScenarioProblem> ToList() => [.. _problems.OrderBy(p => p.Line)];
}
