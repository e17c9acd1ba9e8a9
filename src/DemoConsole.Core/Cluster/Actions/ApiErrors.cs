using System.Text.Json;
using k8s.Autorest;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>The API server's own words from a failed request (its Status message), for the presenter.</summary>
internal static class ApiErrors
{
    public static string Describe(HttpOperationException e)
    {
        var status = (int)e.Response.StatusCode;
        try
        {
            using var body = JsonDocument.Parse(e.Response.Content ?? "");
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return $"{text} ({status})";
            }
        }
        catch (JsonException)
        {
        }

        return $"HTTP {status}: {e.Message}";
    }
}
