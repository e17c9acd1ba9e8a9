using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The defaults an API server fills in on create, so objects read back (<c>-o yaml</c>, describe) look like a
/// cluster's: services get a cluster IP and session affinity, deployments a strategy and history limit, secrets the Opaque type.
/// </summary>
internal static class Defaults
{
    private static int _nextServiceIp = 100;

    public static void Apply(ResourceType type, JsonObject obj)
    {
        if (type == ResourceTypes.Secrets)
        {
            Secret(obj);
        }

        if (obj["spec"] is not JsonObject spec)
        {
            return;
        }

        if (type == ResourceTypes.Services)
        {
            Service(spec);
        }
        else if (type == ResourceTypes.Deployments)
        {
            Deployment(spec);
        }

        if (type == ResourceTypes.Pods || spec["template"]?["spec"] is JsonObject)
        {
            Probes(type == ResourceTypes.Pods ? spec : spec["template"]!["spec"]!.AsObject());
        }
        else if (type == ResourceTypes.StatefulSets)
        {
            spec["replicas"] ??= 1;
            spec["podManagementPolicy"] ??= "OrderedReady";
            spec["revisionHistoryLimit"] ??= 10;
            spec["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } };
        }
    }

    /// <summary>The Opaque type, and stringData folded into data as base64 (stringData is write-only on a cluster).</summary>
    private static void Secret(JsonObject secret)
    {
        if (string.IsNullOrEmpty((string?)secret["type"]))
        {
            secret["type"] = "Opaque";
        }

        if (secret["stringData"] is JsonObject plain)
        {
            var data = secret["data"] as JsonObject ?? [];
            foreach (var (key, value) in plain)
            {
                data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((string?)value ?? ""));
            }

            secret["data"] = data;
            secret.Remove("stringData");
        }
    }

    /// <summary>Probe defaults (timeout 1 s, period 10 s, success 1, failure 3, HTTP), which describe prints.</summary>
    private static void Probes(JsonObject podSpec)
    {
        var probes = (podSpec["containers"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(c => new[] { c["readinessProbe"], c["livenessProbe"], c["startupProbe"] }).OfType<JsonObject>();
        foreach (var probe in probes)
        {
            probe["timeoutSeconds"] ??= 1;
            probe["periodSeconds"] ??= 10;
            probe["successThreshold"] ??= 1;
            probe["failureThreshold"] ??= 3;
            if (probe["httpGet"] is JsonObject http)
            {
                http["scheme"] ??= "HTTP";
            }
        }
    }

    private static void Service(JsonObject spec)
    {
        spec["type"] ??= "ClusterIP";
        if (spec["clusterIP"] is null)
        {
            var n = Interlocked.Increment(ref _nextServiceIp);
            spec["clusterIP"] = $"10.96.{n / 250 % 250}.{(n % 250) + 2}";
        }

        spec["clusterIPs"] ??= new JsonArray(spec["clusterIP"]!.DeepClone());
        spec["sessionAffinity"] ??= "None";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        spec["internalTrafficPolicy"] ??= "Cluster";
        if ((string?)spec["type"] == "NodePort")
        {
            spec["externalTrafficPolicy"] ??= "Cluster";
        }

        foreach (var port in (spec["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }

    private static void Deployment(JsonObject spec)
    {
        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        // kubectl create sends "strategy": {}; an empty type defaults as a missing strategy does.
        spec["strategy"] ??= new JsonObject();
        if (string.IsNullOrEmpty((string?)spec["strategy"]!["type"]))
        {
            spec["strategy"]!["type"] = "RollingUpdate";
        }

        if ((string?)spec["strategy"]!["type"] == "RollingUpdate")
        {
            var rolling = spec["strategy"]!["rollingUpdate"] as JsonObject ?? [];
            rolling["maxSurge"] ??= "25%";
            rolling["maxUnavailable"] ??= "25%";
            spec["strategy"]!["rollingUpdate"] = rolling;
        }
    }
}
