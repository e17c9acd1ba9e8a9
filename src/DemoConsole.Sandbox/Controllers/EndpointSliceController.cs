using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// One EndpointSlice per selector-based Service listing the pods it selects, with their readiness (what
/// <c>kubectl describe service</c> prints as Endpoints, and what shrinks while a pod is Terminating).
/// </summary>
internal sealed class EndpointSliceController(Cluster cluster)
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";

    public void Reconcile(StoredObject service)
    {
        if (service.Node["spec"]?["selector"] is not JsonObject selectorMap || selectorMap.Count == 0)
        {
            return;
        }

        var selector = LabelSelector.FromMatchLabels(new JsonObject { ["matchLabels"] = selectorMap.DeepClone() });
        var endpoints = new JsonArray(cluster.Store.List(ResourceTypes.Pods, service.Namespace).Items
            .Where(p => selector.Matches(p.Node) && Cells.Text(p.Node["status"]?["podIP"]).Length > 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (JsonNode)new JsonObject
            {
                ["addresses"] = new JsonArray(Cells.Text(p.Node["status"]?["podIP"])),
                ["conditions"] = new JsonObject
                {
                    ["ready"] = PodStatus.IsReady(p.Node),
                    ["serving"] = PodStatus.IsReady(p.Node),
                    ["terminating"] = p.IsTerminating,
                },
                ["nodeName"] = Cells.Text(p.Node["spec"]?["nodeName"]),
                ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = p.Namespace, ["name"] = p.Name, ["uid"] = p.Uid },
            }).ToArray());
        var ports = new JsonArray(Cells.Objects(service.Node["spec"]?["ports"]).Select(port => (JsonNode)new JsonObject
        {
            ["name"] = Cells.Text(port["name"]),
            ["port"] = Cells.Int(port["targetPort"]) is var target && target > 0 ? target : Cells.Int(port["port"]),
            ["protocol"] = Cells.Text(port["protocol"]) is { Length: > 0 } protocol ? protocol : "TCP",
        }).ToArray());

        var existing = cluster.Store.List(ResourceTypes.EndpointSlices, service.Namespace).Items
            .FirstOrDefault(s => Owners.ControllerUid(s.Node) == service.Uid);
        if (existing is null)
        {
            var slice = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["name"] = $"{service.Name}-{NameSuffix.Next(5)}",
                    ["namespace"] = service.Namespace,
                    ["labels"] = new JsonObject
                    {
                        [ServiceNameLabel] = service.Name,
                        ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io",
                    },
                    ["ownerReferences"] = Owners.ReferenceTo(service),
                },
                ["addressType"] = "IPv4",
                ["endpoints"] = endpoints,
                ["ports"] = ports,
            };
            if (cluster.Pods.Instant)
            {
                slice["metadata"]!["creationTimestamp"] = service.Metadata["creationTimestamp"]?.DeepClone();
            }

            cluster.Store.Create(ResourceTypes.EndpointSlices, slice);
            return;
        }

        cluster.Store.Update(ResourceTypes.EndpointSlices, existing.Namespace, existing.Name, o =>
        {
            o["endpoints"] = endpoints;
            o["ports"] = ports;
            return true;
        });
    }
}
