using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using static DemoConsole.Sandbox.ArgoCd.ApplicationDocument;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// An Application's health after a sync changed its Deployments: Progressing until the deployment controller has
/// rolled all of them out (then Healthy), or Degraded when one is still not done after the progress deadline.
/// </summary>
internal sealed class ApplicationHealthWatcher(Cluster cluster)
{
    private static readonly TimeSpan HealthPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressDeadline = TimeSpan.FromMinutes(10);

    private ResourceStore Store => cluster.Store;

    /// <summary>The health an app shows while its <paramref name="deployments"/> roll out.</summary>
    public JsonObject Progressing(int deployments) =>
        Health("Progressing", $"Waiting for rollout to finish: 0 out of {deployments} deployments have been updated...");

    /// <summary>Polls the rollouts and writes Healthy or Degraded on the app once it is decided.</summary>
    public void Watch(string name, string destination, IReadOnlyList<string> deployments, DateTimeOffset since)
    {
        cluster.After(cluster.Scaled(HealthPoll), () =>
        {
            var done = deployments.All(d => Store.Get(ResourceTypes.Deployments, destination, d) is { } o && RolledOut(o));
            var late = cluster.Now - since > cluster.Scaled(ProgressDeadline);
            if (!done && !late)
            {
                Watch(name, destination, deployments, since);
                return;
            }

            Store.Update(ResourceTypes.Applications, Namespace, name, o =>
            {
                Status(o)["health"] = done
                    ? Health("Healthy", null)
                    : Health("Degraded", $"Deployment \"{deployments[0]}\" exceeded its progress deadline");
                Status(o)["reconciledAt"] = Rfc3339.Format(cluster.Now);
                return true;
            });
        });
    }

    private static bool RolledOut(StoredObject deployment)
    {
        var desired = JsonNumber.Read(deployment.Node["spec"]?["replicas"]) ?? 1;
        var status = deployment.Node["status"];
        return JsonNumber.Read(status?["observedGeneration"]) >= JsonNumber.Read(deployment.Metadata["generation"])
            && JsonNumber.Read(status?["updatedReplicas"]) == desired
            && JsonNumber.Read(status?["availableReplicas"]) == desired
            && JsonNumber.Read(status?["replicas"]) == desired;
    }

    private JsonObject Health(string state, string? message)
    {
        var health = new JsonObject { ["status"] = state, ["lastTransitionTime"] = Rfc3339.Format(cluster.Now) };
        if (message is not null)
        {
            health["message"] = message;
        }

        return health;
    }
}
