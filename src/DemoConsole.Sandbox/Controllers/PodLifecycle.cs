using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers.Faults;
using DemoConsole.Sandbox.Logs;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// What the scheduler and kubelet do to a pod: Pending → scheduled → ContainerCreating → Running → Ready, and on
/// delete Terminating (not Ready, so the gateway stops routing to it) → gone after the containers exit.
/// Realistic durations, multiplied by the cluster's time scale.
/// </summary>
internal sealed class PodLifecycle(Cluster cluster)
{
    private const string Kubelet = "kubelet";
    private int _nextNode;

    /// <summary>While the world is seeded, pods come up already Running and Ready (the platform has been up for days).</summary>
    public bool Instant { get; set; }

    /// <summary>The creation time given to pods made while <see cref="Instant"/> is on.</summary>
    public DateTimeOffset InstantCreationTime { get; set; }

    public void Launch(StoredObject pod)
    {
        var node = PodStatus.Nodes[Interlocked.Increment(ref _nextNode) % PodStatus.Nodes.Length];
        if (Instant)
        {
            // Seeded pods have been running since they were created, days ago (ages, start times, CPU counters agree).
            var now = Rfc3339.Format(InstantCreationTime);
            var ip = AllocateIp(node);
            var running = Mutate(pod, p =>
            {
                PodStatus.Scheduled(p, node, now);
                PodStatus.Creating(p, now);
                PodStatus.Running(p, now, ready: true, ip);
            });
            WriteStartupLogs(running, InstantCreationTime);
            return;
        }

        cluster.After(cluster.ScaledRandom(0.2, 0.8), () =>
        {
            var now = Rfc3339.Format(cluster.Now);
            var scheduled = Mutate(pod, p => PodStatus.Scheduled(p, node, now));
            if (scheduled is null)
            {
                return;
            }

            cluster.Events.Normal(scheduled, "Scheduled", $"Successfully assigned {pod.Namespace}/{pod.Name} to {node}", "default-scheduler");
            var creating = Mutate(pod, p => PodStatus.Creating(p, Rfc3339.Format(cluster.Now)));
            if (creating is null)
            {
                return;
            }

            foreach (var c in PodStatus.Containers(creating.Node))
            {
                cluster.Events.Normal(creating, "Pulling", $"Pulling image \"{c["image"]}\"", Kubelet);
            }

            cluster.After(cluster.ScaledRandom(2, 6), () => StartContainers(pod));
        });
    }

    public StoredObject Delete(string ns, string name, long? gracePeriodSeconds, bool dryRun)
    {
        var pod = cluster.Store.GetRequired(ResourceTypes.Pods, ns, name);
        var grace = gracePeriodSeconds ?? JsonNumber.Read(pod.Node["spec"]?["terminationGracePeriodSeconds"]) ?? 30;
        if (dryRun)
        {
            return pod;
        }

        if (grace <= 0)
        {
            return Remove(pod) ?? pod;
        }

        if (pod.IsTerminating)
        {
            return pod;
        }

        var now = cluster.Now;
        var terminating = cluster.Store.Update(ResourceTypes.Pods, ns, name, p =>
        {
            p["metadata"]!["deletionTimestamp"] = Rfc3339.Format(now.AddSeconds(grace));
            p["metadata"]!["deletionGracePeriodSeconds"] = grace;
            PodStatus.SetReady(p, false, Rfc3339.Format(now));
            return true;
        });
        foreach (var c in PodStatus.Containers(terminating.Node))
        {
            cluster.Events.Normal(terminating, "Killing", $"Stopping container {c["name"]}", Kubelet);
            cluster.Logs.Find(pod.Uid, (string?)c["name"] ?? "")?.Append(now, "INFO  Received SIGTERM, shutting down gracefully");
        }

        // Containers exit well before the grace period ends (a well-behaved app drains in a second or two).
        var exit = TimeSpan.FromSeconds(Math.Min(grace, 1 + (Random.Shared.NextDouble() * 2)));
        cluster.After(cluster.Scaled(exit), () => Remove(terminating));
        return terminating;
    }

    /// <summary>The images are pulled (or one cannot be) and the containers start; a fault on the pod takes over from here.</summary>
    public void StartContainers(StoredObject pod)
    {
        var current = cluster.Store.Get(ResourceTypes.Pods, pod.Namespace, pod.Name);
        if (current is null || current.Uid != pod.Uid || current.IsTerminating)
        {
            return;
        }

        var missing = PodStatus.Containers(current.Node).FirstOrDefault(c => !cluster.InjectedFaults.IsPullable(Cells.Text(c["image"])));
        foreach (var c in PodStatus.Containers(current.Node).Where(c => c != missing))
        {
            var pull = (1 + (Random.Shared.NextDouble() * 2)).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            cluster.Events.Normal(current, "Pulled", $"Successfully pulled image \"{c["image"]}\" in {pull}s ({pull}s including waiting)", Kubelet);
            cluster.Events.Normal(current, "Created", $"Created container: {c["name"]}", Kubelet);
            cluster.Events.Normal(current, "Started", $"Started container {c["name"]}", Kubelet);
        }

        var ip = Cells.Text(current.Node["status"]?["podIP"]) is { Length: > 0 } assigned ? assigned : AllocateIp((string?)current.Node["spec"]?["nodeName"]);
        var missingName = missing is null ? null : Cells.Text(missing["name"]);
        var running = Mutate(pod, p =>
        {
            PodStatus.Running(p, Rfc3339.Format(cluster.Now), ready: false, ip);
            if (missingName is not null && PodStatus.ContainerStatus(p, missingName) is { } status)
            {
                p["status"]!["phase"] = "Pending";
                ImagePullFailure.NotCreated(status);
            }
        });
        WriteStartupLogs(running, cluster.Now, except: missingName);
        if (running is null)
        {
            return;
        }

        if (missing is not null)
        {
            cluster.InjectedFaults.ImagePull.Start(running, missingName!, Cells.Text(missing["image"]));
        }
        else
        {
            cluster.InjectedFaults.ContainersStarted(running);
        }

        cluster.After(cluster.ScaledRandom(3, 10), () => Mutate(pod, p =>
        {
            // Containers pass their readiness probes, except one a fault holds back (or one that is not running).
            var heldBack = cluster.InjectedFaults.HoldsBack(p) ?? missingName;
            foreach (var s in Cells.Objects(p["status"]?["containerStatuses"]).Where(s => Cells.Text(s["name"]) != heldBack && s["state"]?["running"] is not null))
            {
                s["ready"] = true;
            }

            PodStatus.SyncReadyConditions(p, Rfc3339.Format(cluster.Now));
        }));
    }

    /// <summary>A free address in the node's /24 of 10.244.0.0/16, so live pods (and endpoint slices) never share one.</summary>
    private string AllocateIp(string? node)
    {
        var subnet = Math.Max(0, Array.IndexOf(PodStatus.Nodes, node));
        var used = cluster.Store.List(ResourceTypes.Pods, null).Items
            .Select(p => (string?)p.Node["status"]?["podIP"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var ip = $"10.244.{subnet}.{Random.Shared.Next(2, 254)}";
            if (!used.Contains(ip))
            {
                return ip;
            }
        }

        return $"10.244.{subnet + 3}.{Random.Shared.Next(2, 254)}";
    }

    private void WriteStartupLogs(StoredObject? pod, DateTimeOffset time, string? except = null)
    {
        if (pod is null)
        {
            return;
        }

        foreach (var c in PodStatus.Containers(pod.Node).Where(c => (string?)c["name"] != except))
        {
            var container = (string?)c["name"] ?? "";
            var log = cluster.Logs.For(pod.Uid, container);
            foreach (var line in StartupLines.For(container, (string?)c["image"] ?? "", pod.Name))
            {
                log.Append(time, line);
            }
        }
    }

    private StoredObject? Remove(StoredObject pod)
    {
        var current = cluster.Store.Get(ResourceTypes.Pods, pod.Namespace, pod.Name);
        if (current is null || current.Uid != pod.Uid)
        {
            return null;
        }

        var deleted = cluster.Store.Delete(ResourceTypes.Pods, pod.Namespace, pod.Name);
        cluster.Logs.Remove(pod.Uid);
        cluster.Usage.Forget(pod.Uid);
        return deleted;
    }

    /// <summary>Applies a status change only to the same pod (same uid) while it is not terminating.</summary>
    private StoredObject? Mutate(StoredObject pod, Action<JsonObject> change)
    {
        try
        {
            return cluster.Store.Update(ResourceTypes.Pods, pod.Namespace, pod.Name, p =>
            {
                if ((string?)p["metadata"]?["uid"] != pod.Uid || p["metadata"]?["deletionTimestamp"] is not null)
                {
                    return false;
                }

                p["status"] ??= PodStatus.Pending();
                change(p);
                return true;
            });
        }
        catch (ApiException)
        {
            return null;
        }
    }
}
