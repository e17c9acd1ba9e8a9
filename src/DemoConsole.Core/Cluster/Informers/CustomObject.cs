using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>Any namespaced custom resource (PeerAuthentication, Application, PrometheusRule): metadata typed, spec and status as JSON.</summary>
public sealed class CustomObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonElement Spec { get; set; }

    [JsonPropertyName("status")]
    public JsonElement Status { get; set; }
}

/// <summary>The list form of <see cref="CustomObject"/>, so the generic custom-object API can be watched like a typed one.</summary>
public sealed class CustomObjectList : IKubernetesObject<V1ListMeta>, IItems<CustomObject>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<CustomObject> Items { get; set; } = [];
}
