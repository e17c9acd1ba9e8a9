using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>
/// A container whose image the registry does not have: Pulling, Failed (containerd's NotFound), ErrImagePull, then
/// BackOff and ImagePullBackOff, retried with the kubelet's back-off. The pod stays Pending with its sidecar running.
/// Once the image can be pulled (the fault cleared) the next attempt starts the containers as usual; a
/// <c>kubectl rollout undo</c> instead replaces the pod with one of the previous template.
/// </summary>
internal sealed class ImagePullFailure(Cluster cluster, FaultInjector faults)
{
    private const string Kubelet = "kubelet";

    /// <summary>The pod's containers were created except <paramref name="container"/>, whose image cannot be pulled.</summary>
    public void Start(StoredObject pod, string container, string image) => Attempt(pod, container, image, failures: 0);

    private void Attempt(StoredObject pod, string container, string image, int failures)
    {
        if (ContainerUpdates.Live(cluster, pod) is not { } current)
        {
            return;
        }

        if (faults.IsPullable(image))
        {
            cluster.Pods.StartContainers(current);
            return;
        }

        cluster.Events.Normal(current, "Pulling", $"Pulling image \"{image}\"", Kubelet);
        var error = NotFound(image);
        cluster.After(cluster.ScaledRandom(0.5, 1.5), () =>
        {
            var failed = ContainerUpdates.Apply(cluster, pod, container, (p, s) =>
            {
                p["status"]!["phase"] = "Pending";
                s["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ErrImagePull", ["message"] = error } };
            });
            if (failed is null)
            {
                return;
            }

            cluster.Events.Warning(failed, "Failed", $"Failed to pull image \"{image}\": {error}", Kubelet);
            cluster.Events.Warning(failed, "Failed", "Error: ErrImagePull", Kubelet);
            var delay = KubeletBackOff.AfterFailures(failures + 1);
            cluster.After(cluster.Scaled(TimeSpan.FromSeconds(1)), () => BackOff(pod, container, image, error, failures + 1, delay));
        });
    }

    private void BackOff(StoredObject pod, string container, string image, string error, int failures, TimeSpan delay)
    {
        var waiting = ContainerUpdates.Apply(cluster, pod, container, (_, s) =>
            s["state"] = new JsonObject
            {
                ["waiting"] = new JsonObject { ["reason"] = "ImagePullBackOff", ["message"] = $"Back-off pulling image \"{image}\": ErrImagePull: {error}" },
            });
        if (waiting is null)
        {
            return;
        }

        cluster.Events.Normal(waiting, "BackOff", $"Back-off pulling image \"{image}\"", Kubelet);
        cluster.Events.Warning(waiting, "Failed", "Error: ImagePullBackOff", Kubelet);
        cluster.After(cluster.Scaled(delay), () => Attempt(pod, container, image, failures));
    }

    /// <summary>containerd's answer for a tag the registry does not have, with Docker's name normalization.</summary>
    public static string NotFound(string image)
    {
        var reference = Normalized(image);
        return $"rpc error: code = NotFound desc = failed to pull and unpack image \"{reference}\": failed to resolve reference \"{reference}\": {reference}: not found";
    }

    private static string Normalized(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "docker.io/library/" + image;
        }

        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
            ? image
            : "docker.io/" + image;
    }

    /// <summary>The container status a pod has while its image cannot be pulled (never created: no id, no start).</summary>
    public static void NotCreated(JsonObject status)
    {
        status["ready"] = false;
        status["started"] = false;
        status["imageID"] = "";
        status.Remove("containerID");
        status["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } };
    }
}
