using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// KubernetesClient's <see cref="LeaseLock"/>, telling what the API server refused. The elector swallows a failed read,
/// create or replace as "not this time", so without this a console lacking the RBAC for its lease would simply never
/// lead, with nothing said. A missing lease (404, it is created next) and a lost race (409) are the election working,
/// not problems.
/// </summary>
internal sealed class ObservedLeaseLock(IKubernetes client, string @namespace, string name, string identity, Action<string?> report)
    : LeaseLock(client, @namespace, name, identity)
{
    protected override Task<V1Lease> ReadMetaObjectAsync(IKubernetes client, string name, string namespaceParameter, CancellationToken cancellationToken) =>
        ObserveAsync(base.ReadMetaObjectAsync(client, name, namespaceParameter, cancellationToken));

    protected override Task<V1Lease> CreateMetaObjectAsync(IKubernetes client, V1Lease obj, string namespaceParameter, CancellationToken cancellationToken) =>
        ObserveAsync(base.CreateMetaObjectAsync(client, obj, namespaceParameter, cancellationToken));

    protected override Task<V1Lease> ReplaceMetaObjectAsync(IKubernetes client, V1Lease obj, string name, string namespaceParameter, CancellationToken cancellationToken) =>
        ObserveAsync(base.ReplaceMetaObjectAsync(client, obj, name, namespaceParameter, cancellationToken));

    /// <summary>The API server's own words for a refusal (its Status message), else the status code.</summary>
    public static string Describe(HttpOperationException refusal)
    {
        try
        {
            if (JsonDocument.Parse(refusal.Response.Content).RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return $"{text} ({(int)refusal.Response.StatusCode})";
            }
        }
        catch (JsonException)
        {
        }

        return $"{(int)refusal.Response.StatusCode} {refusal.Response.ReasonPhrase}";
    }

    private async Task<V1Lease> ObserveAsync(Task<V1Lease> call)
    {
        try
        {
            var lease = await call.ConfigureAwait(false);
            report(null);
            return lease;
        }
        catch (HttpOperationException refusal) when (refusal.Response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Conflict))
        {
            report(Describe(refusal));
            throw;
        }
    }
}
