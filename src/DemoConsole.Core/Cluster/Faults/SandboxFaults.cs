using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DemoConsole.Core.Cluster.Faults;

/// <summary>
/// The sandbox's fault endpoint, beside its Kubernetes API (<c>/sandbox/v1/…</c>, plain HTTP on loopback). Errors
/// come back as Kubernetes Status objects; their message is what a refusal shows.
/// </summary>
public sealed class SandboxFaults(IClusterConnection cluster)
{
    /// <summary>Puts a fault on a deployment; the returned error is the sandbox's message when it refused.</summary>
    public async Task<(FaultState? State, string? Error)> InjectAsync(string ns, string deployment, string fault, CancellationToken cancellationToken)
    {
        using var http = Http();
        using var response = await http.PutAsJsonAsync(Path(ns, deployment), new { kind = fault }, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.IsSuccessStatusCode
            ? (new FaultState { Namespace = ns, Deployment = deployment, Fault = fault, Active = true, Image = (string?)body?["image"] }, null)
            : (null, (string?)body?["message"] ?? $"HTTP {(int)response.StatusCode}");
    }

    public async Task<string?> ClearAsync(string ns, string deployment, CancellationToken cancellationToken)
    {
        using var http = Http();
        using var response = await http.DeleteAsync(Path(ns, deployment), cancellationToken);
        return response.IsSuccessStatusCode
            ? null
            : (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["message"] ?? $"HTTP {(int)response.StatusCode}";
    }

    /// <summary>Whether the sandbox's answer to a clear says the deployment had no fault (already cleared), not a failure.</summary>
    public static bool SaysNoFault(string answer) => answer.Contains("has no fault", StringComparison.Ordinal);

    /// <summary>The fault on a deployment now ("crash-loop", …), or null when it has none.</summary>
    public async Task<string?> ActiveAsync(string ns, string deployment, CancellationToken cancellationToken)
    {
        using var http = Http();
        var list = JsonNode.Parse(await http.GetStringAsync("sandbox/v1/faults", cancellationToken));
        return list?["items"]?.AsArray()
            .FirstOrDefault(f => (string?)f?["namespace"] == ns && (string?)f?["deployment"] == deployment)?["kind"]?.GetValue<string>();
    }

    private static string Path(string ns, string deployment) =>
        $"sandbox/v1/namespaces/{Uri.EscapeDataString(ns)}/deployments/{Uri.EscapeDataString(deployment)}/fault";

    private HttpClient Http()
    {
        var root = cluster.Client.BaseUri;
        return new HttpClient { BaseAddress = new Uri(root.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
    }
}
