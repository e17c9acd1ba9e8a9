using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>
/// A readiness probe that keeps failing: the container runs (no restarts) but is not ready, so the pod is not
/// Ready, its endpoint is not ready and the gateway has no healthy upstream once no pod of the service is left.
/// The kubelet reports each failed probe as an Unhealthy event, once per probe period.
/// </summary>
internal sealed class ReadinessFailure(Cluster cluster, FaultInjector faults)
{
    public void Started(StoredObject pod, string container) => Probe(pod, container);

    private void Probe(StoredObject pod, string container)
    {
        if (ContainerUpdates.Live(cluster, pod) is not { } current)
        {
            return;
        }

        var failing = faults.For(current) == FaultKind.Readiness;
        var updated = ContainerUpdates.Apply(cluster, pod, container, (_, s) =>
        {
            if (s["state"]?["running"] is not null)
            {
                s["ready"] = !failing;
            }
        }) ?? current;
        if (!failing)
        {
            return;
        }

        cluster.Events.Warning(updated, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", "kubelet");
        cluster.After(cluster.Scaled(TimeSpan.FromSeconds(Period(current, container))), () => Probe(pod, container));
    }

    private static long Period(StoredObject pod, string container)
    {
        var spec = PodStatus.Containers(pod.Node).FirstOrDefault(c => Cells.Text(c["name"]) == container);
        return Cells.Int(spec?["readinessProbe"]?["periodSeconds"]) is > 0 and var period ? period : 10;
    }
}
