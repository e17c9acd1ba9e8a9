using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Logs;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>
/// The kubelet restarting an app container that keeps dying (a crash, or the kernel's OOM killer): the container
/// runs, terminates (state.terminated with the exit code and reason), restarts at once the first time and after
/// CrashLoopBackOff delays afterwards (10 s, 20 s, 40 s … 5 min), with restartCount, lastState, the BackOff event
/// and a new log whose predecessor <c>kubectl logs --previous</c> reads. When the fault is cleared the next start
/// stays up and becomes Ready, as a pod does once its dependency is back.
/// </summary>
internal sealed class FailingContainer(Cluster cluster, FaultInjector faults)
{
    private const string Kubelet = "kubelet";

    /// <summary>The container has just started: it fails after a while, if its fault is still on then.</summary>
    public void Started(StoredObject pod, string container, FaultKind kind)
    {
        // A crash comes a few seconds after start (failed start-up); memory grows for a while before the kill.
        var run = kind == FaultKind.OomKill ? cluster.ScaledRandom(6, 12) : cluster.ScaledRandom(2, 5);
        cluster.After(run, () => Fail(pod, container, kind));
    }

    private void Fail(StoredObject pod, string container, FaultKind kind)
    {
        if (ContainerUpdates.Live(cluster, pod) is not { } current)
        {
            return;
        }

        if (faults.For(current) != kind)
        {
            Recover(pod, container);
            return;
        }

        var (exitCode, reason) = kind == FaultKind.OomKill ? (137, "OOMKilled") : (1, "Error");
        var log = cluster.Logs.Find(pod.Uid, container);
        if (kind == FaultKind.CrashLoop)
        {
            log?.Append(cluster.Now, "ERROR Unhandled exception: connection to postgresql-service:5432 refused (ECONNREFUSED)");
            log?.Append(cluster.Now, "ERROR Shutting down: a required dependency is unavailable");
        }

        cluster.Logs.Exited(pod.Uid, container);
        var now = Rfc3339.Format(cluster.Now);
        var failed = ContainerUpdates.Apply(cluster, pod, container, (_, s) =>
        {
            s["state"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = exitCode,
                    ["reason"] = reason,
                    ["startedAt"] = s["state"]?["running"]?["startedAt"]?.DeepClone() ?? now,
                    ["finishedAt"] = now,
                    ["containerID"] = s["containerID"]?.DeepClone(),
                },
            };
            s["ready"] = false;
            s["started"] = false;
        });
        if (failed is null)
        {
            return;
        }

        var restarts = (int)Cells.Int(PodStatus.ContainerStatus(failed.Node, container)?["restartCount"]);
        var delay = KubeletBackOff.AfterFailures(restarts);
        if (delay == TimeSpan.Zero)
        {
            cluster.After(cluster.Scaled(TimeSpan.FromSeconds(1)), () => Restart(pod, container));
            return;
        }

        // The kubelet notices the dead container on its next sync and holds the restart back.
        cluster.After(cluster.Scaled(TimeSpan.FromSeconds(1)), () => BackOff(pod, container, delay));
    }

    private void BackOff(StoredObject pod, string container, TimeSpan delay)
    {
        var waiting = ContainerUpdates.Apply(cluster, pod, container, (p, s) =>
        {
            s["lastState"] = new JsonObject { ["terminated"] = s["state"]?["terminated"]?.DeepClone() };
            s["state"] = new JsonObject
            {
                ["waiting"] = new JsonObject
                {
                    ["reason"] = "CrashLoopBackOff",
                    ["message"] = $"back-off {KubeletBackOff.Text(delay)} restarting failed container={container} pod={ContainerUpdates.PodRef(p)}",
                },
            };
        });
        if (waiting is null)
        {
            return;
        }

        cluster.Events.Warning(waiting, "BackOff", $"Back-off restarting failed container {container} in pod {ContainerUpdates.PodRef(waiting.Node)}", Kubelet);
        cluster.After(cluster.Scaled(delay), () => Restart(pod, container));
    }

    private void Restart(StoredObject pod, string container)
    {
        var now = Rfc3339.Format(cluster.Now);
        var image = "";
        var restarted = ContainerUpdates.Apply(cluster, pod, container, (p, s) =>
        {
            var terminated = s["state"]?["terminated"] ?? s["lastState"]?["terminated"];
            s["lastState"] = new JsonObject { ["terminated"] = terminated?.DeepClone() };
            s["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
            s["restartCount"] = Cells.Int(s["restartCount"]) + 1;
            s["containerID"] = PodStatus.NewContainerId();
            s["started"] = true;
            s["ready"] = false;
            image = Cells.Text(s["image"]);
        });
        if (restarted is null)
        {
            return;
        }

        cluster.Events.Normal(restarted, "Pulled", $"Container image \"{image}\" already present on machine", Kubelet);
        cluster.Events.Normal(restarted, "Created", $"Created container: {container}", Kubelet);
        cluster.Events.Normal(restarted, "Started", $"Started container {container}", Kubelet);
        var log = cluster.Logs.Restarted(pod.Uid, container);
        foreach (var line in StartupLines.For(container, image, pod.Name).Take(2))
        {
            log.Append(cluster.Now, line);
        }

        if (faults.For(restarted) is { } kind and (FaultKind.CrashLoop or FaultKind.OomKill))
        {
            Started(pod, container, kind);
        }
        else
        {
            cluster.After(cluster.ScaledRandom(3, 8), () => Recover(pod, container));
        }
    }

    /// <summary>The container runs on and its readiness probe passes.</summary>
    private void Recover(StoredObject pod, string container)
    {
        var log = cluster.Logs.Find(pod.Uid, container);
        ContainerUpdates.Apply(cluster, pod, container, (_, s) =>
        {
            if (s["state"]?["running"] is not null)
            {
                s["ready"] = true;
            }
        });
        log?.Append(cluster.Now, "INFO  Connected to dependencies");
    }
}
