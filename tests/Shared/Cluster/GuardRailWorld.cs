using k8s;
using k8s.Models;

namespace DemoConsole.Tests.Shared;

/// <summary>Objects a guard-rail test adds to a sandbox, through the real KubernetesClient.</summary>
public static class GuardRailWorld
{
    /// <summary>
    /// A StatefulSet whose name, labels and image say nothing of databases, so only the StatefulSet rule can refuse a
    /// kill of its pods (the database-name rule would mask it for PostgreSQL). Returns once prod-queue-0 exists.
    /// </summary>
    public static async Task CreateQueueStatefulSetAsync(IKubernetes client, string ns = "titanium-prod")
    {
        var labels = new Dictionary<string, string> { ["app"] = "queue" };
        await client.AppsV1.CreateNamespacedStatefulSetAsync(new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "prod-queue", Labels = labels },
            Spec = new V1StatefulSetSpec
            {
                Replicas = 2,
                ServiceName = "prod-queue",
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "queue", Image = "nats:2.10" }] },
                },
            },
        }, ns);
        await AsyncWait.UntilAsync(async () =>
            (await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "app=queue")).Items.Any(p => p.Metadata.Name == "prod-queue-0"),
            "prod-queue-0 to exist");
    }
}
