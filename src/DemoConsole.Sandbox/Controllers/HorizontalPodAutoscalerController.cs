using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// The HPA's resource-metric loop: every 15 s (scaled) it measures the target deployment's CPU utilization from
/// <see cref="PodUsage"/>, reports it in status, scales up at once when above target (10% tolerance) and down only
/// after the 5-minute stabilization window, within min/max replicas. A pod's CPU rate is taken over at least one
/// metrics resolution (15 s, scaled), as metrics-server reports it: two syncs that come close together (a late
/// timer tick followed by an on-time one) must not divide a single request's cost by a few milliseconds.
/// </summary>
internal sealed class HorizontalPodAutoscalerController(Cluster cluster) : IAsyncDisposable
{
    private const string Component = "horizontal-pod-autoscaler";
    private static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MetricResolution = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(50);
    private readonly Dictionary<string, (DateTimeOffset At, double CpuSeconds, double Rate)> _lastSample = [];
    private readonly Dictionary<string, DateTimeOffset> _lowSince = [];
    private readonly Lock _gate = new();
    private Task? _loop;

    public void Start() => _loop = Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop;
        }
    }

    /// <summary>One sync of every HPA (also called directly by tests).</summary>
    public void Sync()
    {
        lock (_gate)
        {
            // Samples of pods that no longer exist are dropped, so kill/replace cycles do not accumulate them.
            var live = cluster.Store.List(ResourceTypes.Pods, null).Items.Select(p => p.Uid).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _lastSample.Keys.Where(uid => !live.Contains(uid)).ToList())
            {
                _lastSample.Remove(gone);
            }

            foreach (var hpa in cluster.Store.List(ResourceTypes.HorizontalPodAutoscalers, null).Items)
            {
                try
                {
                    SyncOne(hpa);
                }
                catch (ApiException)
                {
                    // The HPA or its target changed meanwhile; the next period retries.
                }
            }
        }
    }

    private async Task RunAsync()
    {
        var period = cluster.Scaled(SyncPeriod);
        using var timer = new PeriodicTimer(period < Floor ? Floor : period, cluster.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cluster.Stopping))
            {
                Sync();
            }
        }
        catch (OperationCanceledException)
        {
            // The sandbox stopped.
        }
    }

    private void SyncOne(StoredObject hpa)
    {
        var spec = hpa.Node["spec"]!;
        if (Cells.Text(spec["scaleTargetRef"]?["kind"]) != "Deployment"
            || cluster.Store.Get(ResourceTypes.Deployments, hpa.Namespace, Cells.Text(spec["scaleTargetRef"]?["name"])) is not { } target)
        {
            return;
        }

        var selector = LabelSelector.FromMatchLabels(target.Node["spec"]?["selector"]);
        var pods = cluster.Store.List(ResourceTypes.Pods, hpa.Namespace).Items
            .Where(p => !p.IsTerminating && selector.Matches(p.Node) && Cells.Text(p.Node["status"]?["phase"]) == "Running").ToList();
        var cpuTarget = Cells.Objects(spec["metrics"]).FirstOrDefault(m => Cells.Text(m["resource"]?["name"]) == "cpu")?["resource"]?["target"]?["averageUtilization"];
        if (pods.Count == 0 || cpuTarget is null)
        {
            return;
        }

        var utilization = (int)Math.Round(pods.Average(Utilization) * 100);
        var current = (int)Cells.Int(target.Node["spec"]?["replicas"]);
        var ratio = utilization / (double)Cells.Int(cpuTarget);
        var proposal = Math.Abs(ratio - 1) <= 0.1 ? current : (int)Math.Ceiling(pods.Count * ratio);
        var min = spec["minReplicas"] is null ? 1 : (int)Cells.Int(spec["minReplicas"]);
        var desired = Math.Clamp(proposal, min, (int)Cells.Int(spec["maxReplicas"]));
        if (desired < current)
        {
            // Scale-down stabilization: only after the recommendation has stayed low for the whole window.
            var since = _lowSince.TryGetValue(hpa.Uid, out var s) ? s : _lowSince[hpa.Uid] = cluster.Now;
            desired = cluster.Now - since >= cluster.Scaled(TimeSpan.FromMinutes(5)) ? desired : current;
        }
        else
        {
            _lowSince.Remove(hpa.Uid);
        }

        if (desired != current)
        {
            cluster.Store.Update(ResourceTypes.Deployments, target.Namespace, target.Name, o =>
            {
                o["spec"]!["replicas"] = desired;
                return true;
            });
            var direction = desired > current ? "above" : "below";
            cluster.Events.Normal(hpa, "SuccessfulRescale", $"New size: {desired}; reason: cpu resource utilization (percentage of request) {direction} target", Component);
        }

        WriteStatus(hpa, pods.Count, desired, utilization, desired != current);
    }

    private double Utilization(StoredObject pod)
    {
        var now = cluster.Now;
        var containers = PodStatus.Containers(pod.Node).ToList();
        var used = containers.Sum(c => cluster.Usage.CpuSeconds(pod, Cells.Text(c["name"]), now));
        var requested = containers.Sum(c => Cores(c["resources"]?["requests"]?["cpu"]));
        if (!_lastSample.TryGetValue(pod.Uid, out var last))
        {
            var uptime = (now - (Rfc3339.Parse(pod.Node["status"]?["startTime"]) ?? now)).TotalSeconds;
            last = _lastSample[pod.Uid] = (now, used, used / Math.Max(1, uptime));
        }
        else if (now > last.At && now - last.At >= cluster.Scaled(MetricResolution))
        {
            last = _lastSample[pod.Uid] = (now, used, (used - last.CpuSeconds) / (now - last.At).TotalSeconds);
        }

        return requested > 0 ? last.Rate / requested : 0;
    }

    private void WriteStatus(StoredObject hpa, int currentReplicas, int desired, int utilization, bool scaled)
    {
        var now = Rfc3339.Format(cluster.Now);
        cluster.Store.Update(ResourceTypes.HorizontalPodAutoscalers, hpa.Namespace, hpa.Name, o =>
        {
            var status = o["status"] as JsonObject ?? [];
            o["status"] = status;
            status["currentReplicas"] = currentReplicas;
            status["desiredReplicas"] = desired;
            if (scaled)
            {
                status["lastScaleTime"] = now;
            }

            foreach (var metric in Cells.Objects(status["currentMetrics"]).Where(m => Cells.Text(m["resource"]?["name"]) == "cpu"))
            {
                metric["resource"]!["current"] = new JsonObject
                {
                    ["averageUtilization"] = utilization,
                    ["averageValue"] = $"{Math.Max(1, utilization * 110 / 100)}m",
                };
            }

            return true;
        });
    }

    private static double Cores(JsonNode? quantity)
    {
        var text = Cells.Text(quantity);
        return text.EndsWith('m')
            ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 1000
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cores) ? cores : 0;
    }
}
