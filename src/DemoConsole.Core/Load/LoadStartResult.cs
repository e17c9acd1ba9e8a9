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

    /// <summary>Validates <paramref name="plan"/> against <paramref name="caps"/>: the resolved plan when it may run, else the refusal.</summary>
    internal static bool Refuses(LoadPlan plan, LoadCaps caps, [NotNullWhen(true)] out LoadStartResult? refusal, [NotNullWhen(false)] out ResolvedPlan? resolved)
    {
        var problems = LoadPlanValidator.TryResolve(plan, caps, out resolved);
        refusal = resolved is not null ? null : Refused(problems.Count > 0 ? problems : [new UiMessage("Load_Unresolved")]);
        return refusal is not null;
    }
}
