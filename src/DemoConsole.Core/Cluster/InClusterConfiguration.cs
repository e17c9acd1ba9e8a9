using System.Security.Cryptography.X509Certificates;
using DemoConsole.Core.Messages;
using k8s;
using k8s.Authentication;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// The client configuration of a pod, as KubernetesClient's <c>InClusterConfig</c> builds it — the API server at
/// https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT, the projected service-account token (re-read as the
/// kubelet rotates it), the cluster CA and the pod's namespace — but from a folder that can be given, so the same code
/// runs against a rehearsal API server with the layout in a temporary folder.
/// </summary>
public static class InClusterConfiguration
{
    /// <summary>Where the kubelet mounts a pod's service-account token, CA and namespace.</summary>
    public const string DefaultFolder = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static KubernetesClientConfiguration Build(string? folder)
    {
        folder = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder;
        var host = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        var token = Path.Combine(folder, "token");
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port))
        {
            throw new ClusterUnavailableException(new UiMessage("Cluster_InClusterNoService"));
        }

        if (!File.Exists(token))
        {
            throw new ClusterUnavailableException(new UiMessage("Cluster_InClusterNoToken", token));
        }

        var configuration = new KubernetesClientConfiguration
        {
            Host = new UriBuilder("https", host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)).ToString(),
            TokenProvider = new TokenFileAuth(token),
        };
        var ca = Path.Combine(folder, "ca.crt");
        if (File.Exists(ca))
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(ca);
            configuration.SslCaCerts = certificates;
        }

        var ns = Path.Combine(folder, "namespace");
        if (File.Exists(ns))
        {
            configuration.Namespace = File.ReadAllText(ns).Trim();
        }

        return configuration;
    }
}
