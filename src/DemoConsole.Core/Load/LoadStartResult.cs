using System.Diagnostics.CodeAnalysis;

namespace DemoConsole.Core.Load;

/// <summary>Either a started run or the reasons the plan was refused.</summary>
public sealed record LoadStartResult
{
    private LoadStartResult(ILoadRun? run, IReadOnlyList<string> problems)
    {
        Run = run;
        Problems = problems;
    }

    /// <summary>The run, when the plan was accepted.</summary>
    public ILoadRun? Run { get; }

    /// <summary>Every problem found with the plan; empty when it was accepted.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Whether the plan was accepted and <see cref="Run"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Run))]
    public bool Started => Run is not null;

    /// <summary>The problems as one message, e.g. for a toast: "Load plan refused: a; b".</summary>
    public string Message => Started ? "started" : "Load plan refused: " + string.Join("; ", Problems);

    internal static LoadStartResult Accepted(ILoadRun run) => new(run, []);

    internal static LoadStartResult Refused(IReadOnlyList<string> problems) => new(null, problems);
}
