using System.Diagnostics.CodeAnalysis;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Load;

/// <summary>Either a started run or the reasons the plan was refused.</summary>
public sealed record LoadStartResult
{
    private LoadStartResult(ILoadRun? run, IReadOnlyList<UiMessage> problems)
    {
        Run = run;
        Problems = problems;
    }

    /// <summary>The run, when the plan was accepted.</summary>
    public ILoadRun? Run { get; }

    /// <summary>Every problem found with the plan; empty when it was accepted.</summary>
    public IReadOnlyList<UiMessage> Problems { get; }

    /// <summary>Whether the plan was accepted and <see cref="Run"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Run))]
    public bool Started => Run is not null;

    /// <summary>The problems as one message, e.g. for a toast: "Load plan refused: a; b".</summary>
    public UiMessage Text => Started ? new UiMessage("Load_Started") : new UiMessage("Load_PlanRefused", Problems);

    /// <summary><see cref="Text"/> in English (logs, tests).</summary>
    public string Message => Text.ToString();

    internal static LoadStartResult Accepted(ILoadRun run) => new(run, []);

    internal static LoadStartResult Refused(IReadOnlyList<UiMessage> problems) => new(null, problems);
}
