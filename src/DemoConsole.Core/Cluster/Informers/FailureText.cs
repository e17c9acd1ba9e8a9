using System.Net;
using k8s;
using k8s.Autorest;

namespace DemoConsole.Core.Cluster;

/// <summary>Turns what KubernetesClient throws into a sentence for the banner, and says whether retrying soon makes sense.</summary>
internal static class FailureText
{
    public static bool IsGone(Exception ex) => ex switch
    {
        KubernetesException k => k.Status?.Code == (int)HttpStatusCode.Gone,
        HttpOperationException h => h.Response?.StatusCode == HttpStatusCode.Gone,
        _ => false,
    };

    /// <summary>Problems no reconnect will cure by itself: the banner says "unavailable" rather than "reconnecting".</summary>
    public static bool IsPermanent(Exception ex) => ex switch
    {
        ClusterUnavailableException => true,
        HttpOperationException h => h.Response?.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
        _ => false,
    };

    public static string Describe(string what, Exception ex) => ex switch
    {
        ClusterUnavailableException => ex.Message,
        HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } => $"The API server refused the credentials while reading {what} (401).",
        HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } => $"Not allowed to read {what} (403): the account lacks list/watch permission.",
        HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound } => $"The cluster does not serve {what} (404): the namespace or the CRD is missing.",
        HttpOperationException h => $"The API server answered {(int?)h.Response?.StatusCode} while reading {what}.",
        KubernetesException k => $"The watch of {what} failed: {k.Status?.Message ?? k.Message}",
        HttpRequestException or IOException => $"The API server is not reachable for {what}: {Innermost(ex).Message}",
        TimeoutException or TaskCanceledException => $"The API server did not answer in time for {what}.",
        _ => $"Reading {what} failed: {ex.Message}",
    };

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
