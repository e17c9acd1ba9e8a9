using System.Reflection;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.World;

/// <summary>
/// Loads the Titanium platform from the embedded YAML manifests and lets the controllers bring it up instantly,
/// with ages that say the platform has been running for days. manifests/ holds what is applied later (not seeded).
/// </summary>
internal static class WorldSeeder
{
    private static readonly TimeSpan PlatformAge = TimeSpan.FromDays(12);
    private static readonly TimeSpan PodAge = TimeSpan.FromHours(52);

    public static void Seed(Cluster cluster)
    {
        var created = Rfc3339.Format(cluster.Now - PlatformAge);
        var documents = Manifests().SelectMany(YamlJson.ParseDocuments).ToList();
        var owners = new Dictionary<(string Namespace, string Kind, string Name), string>();

        // Namespaces first, owned objects (the gateway's previous ReplicaSet) last, so owners exist to point at.
        foreach (var doc in documents.OrderBy(d => (string?)d["kind"] switch { "Namespace" => 0, "ReplicaSet" => 2, _ => 1 }))
        {
            var type = ResourceTypes.FindByKind((string?)doc["apiVersion"] ?? "", (string?)doc["kind"] ?? "")
                ?? throw new InvalidOperationException($"World manifest has an unknown kind: {doc["apiVersion"]} {doc["kind"]}");
            var metadata = doc["metadata"]!.AsObject();
            metadata["creationTimestamp"] ??= created;
            ResolveOwners(metadata, owners);
            Defaults.Apply(type, doc);
            var stored = cluster.Store.Create(type, doc);
            owners[(stored.Namespace, type.Kind, stored.Name)] = stored.Uid;
        }

        cluster.Pods.Instant = true;
        cluster.Pods.InstantCreationTime = cluster.Now - PodAge;
        try
        {
            for (var pass = 0; pass < 20 && cluster.Controllers.ReconcileAll(); pass++)
            {
            }
        }
        finally
        {
            cluster.Pods.Instant = false;
        }

        // A platform up for days has no fresh events (the API server keeps them for an hour).
        foreach (var e in cluster.Store.List(ResourceTypes.Events, null).Items)
        {
            cluster.Store.Delete(ResourceTypes.Events, e.Namespace, e.Name);
        }
    }

    private static void ResolveOwners(JsonObject metadata, Dictionary<(string, string, string), string> owners)
    {
        foreach (var reference in (metadata["ownerReferences"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var key = ((string?)metadata["namespace"] ?? "", (string?)reference["kind"] ?? "", (string?)reference["name"] ?? "");
            reference["uid"] = owners.TryGetValue(key, out var uid)
                ? uid
                : throw new InvalidOperationException($"World manifest refers to a missing owner {key}");
        }
    }

    private static IEnumerable<string> Manifests()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.EndsWith(".yaml", StringComparison.Ordinal) || name.Contains(".manifests.", StringComparison.Ordinal)
                || name.StartsWith(GitHub.RepositorySeed.ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
