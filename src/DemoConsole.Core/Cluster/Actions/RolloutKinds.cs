using DemoConsole.Core.Actions.Kinds;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// <c>rollout-restart</c> (asks with a sentence) and <c>rollout-undo</c> (asks with a preview naming the revision it
/// goes back to; the run goes back to exactly that revision).
/// </summary>
public static class RolloutKinds
{
    public static readonly ActionParameter Deployment = new("deployment", ParameterType.Text, true, "the deployment");
    public static readonly ActionParameter Namespace = PodKillKind.Namespace;
    public static readonly ActionParameter Revision = new("revision", ParameterType.Count, false, "revision to go back to (default: the previous one)");

    public static readonly ActionKindDescriptor Restart = new()
    {
        Name = "rollout-restart",
        Parameters = [Deployment, Namespace],
        Confirmation = ConfirmationStyle.Sentence,
        ResultType = typeof(RolloutProgress),
        HandlerType = typeof(RolloutActionHandler),
    };

    public static readonly ActionKindDescriptor Undo = Restart with
    {
        Name = "rollout-undo",
        Parameters = [Deployment, Namespace, Revision],
        Confirmation = ConfirmationStyle.Preview,
    };
}
