using DemoConsole.Core.Actions.Kinds;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// <c>pod-kill</c>: deletes one pod of a deployment (or the pod a presenter picks from the live list) and follows the
/// recovery. Asks first with a server-side preview that names the pod; the run deletes exactly that pod (by uid).
/// </summary>
public static class PodKillKind
{
    public static readonly ActionParameter Deployment = new("deployment", ParameterType.Text, true, "the deployment a pod of is deleted");
    public static readonly ActionParameter Namespace = new("namespace", ParameterType.Text, false, "namespace (default: the scenario's application namespace)");
    public static readonly ActionParameter Pick = ActionParameter.OneOf("pick", [.. Enum.GetNames<PodPick>().Select(n => n.ToLowerInvariant())],
        "which Ready pod: random (default), oldest or newest");
    public static readonly ActionParameter Selector = new("selector", ParameterType.Text, false, "extra label selector narrowing the pods");
    public static readonly ActionParameter Pod = new("pod", ParameterType.Text, false, "a named pod (set at run time from the live list)");

    public static readonly ActionKindDescriptor Descriptor = new()
    {
        Name = "pod-kill",
        Parameters = [Deployment, Namespace, Pick, Selector, Pod],
        RunTimeParameters = new HashSet<string>([Pod.Name], StringComparer.Ordinal),
        Confirmation = ConfirmationStyle.Preview,
        ResultType = typeof(RecoveryTimeline),
        HandlerType = typeof(PodKillActionHandler),
    };
}
