using System.Globalization;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Store;

/// <summary>Kubernetes metav1.Time: RFC 3339 in UTC with whole seconds, the only form clients expect.</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(JsonNode? node) =>
        node is not null && DateTimeOffset.TryParse((string?)node, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;
}
