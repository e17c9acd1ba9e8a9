using DemoConsole.Core.Actions.Kinds;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// <c>apply-manifest</c> (runs on the click) and <c>delete-manifest</c> (asks with a preview listing the objects it
/// deletes). The manifest comes only from the scenario and only from an allowed folder.
/// </summary>
public static class ManifestActionKinds
{
    public static readonly ActionParameter Manifest = new("manifest", ParameterType.Text, true, "manifest file, relative to an allowed folder");

    public static readonly ActionKindDescriptor Apply = new()
    {
        Name = "apply-manifest",
        Parameters = [Manifest, PodKillKind.Namespace],
        ResultType = typeof(ManifestRunResult),
        HandlerType = typeof(ManifestActionHandler),
    };

    public static readonly ActionKindDescriptor Delete = Apply with
    {
        Name = "delete-manifest",
        Confirmation = ConfirmationStyle.Preview,
    };
}
