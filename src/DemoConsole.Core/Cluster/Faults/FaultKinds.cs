using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Cluster.Actions;

namespace DemoConsole.Core.Cluster.Faults;

/// <summary>
/// <c>inject-fault</c> (asks with a preview naming the deployment and the fault) and <c>clear-fault</c> (asks with a
/// sentence): rehearsal faults on a deployment's pods, played by the sandbox. On any other cluster they are refused.
/// </summary>
public static class FaultKinds
{
    /// <summary>The sandbox's names of its fault kinds.</summary>
    public static readonly IReadOnlyList<string> Faults = ["crash-loop", "oom-kill", "image-pull", "readiness"];

    public static readonly ActionParameter Deployment = new("deployment", ParameterType.Text, true, "the deployment whose pods get the fault");
    public static readonly ActionParameter Namespace = PodKillKind.Namespace;
    public static readonly ActionParameter Fault = ActionParameter.OneOf("fault", Faults,
        "crash-loop (exit 1, CrashLoopBackOff), oom-kill (OOMKilled, exit 137), image-pull (a missing tag: ImagePullBackOff until rollout undo) or readiness (Running, not Ready, out of the endpoints)");

    public static readonly ActionKindDescriptor Inject = new()
    {
        Name = "inject-fault",
        Parameters = [Deployment, Namespace, Fault],
        Confirmation = ConfirmationStyle.Preview,
        ResultType = typeof(FaultState),
        HandlerType = typeof(FaultActionHandler),
    };

    public static readonly ActionKindDescriptor Clear = Inject with
    {
        Name = "clear-fault",
        Parameters = [Deployment, Namespace],
        Confirmation = ConfirmationStyle.Sentence,
    };
}
