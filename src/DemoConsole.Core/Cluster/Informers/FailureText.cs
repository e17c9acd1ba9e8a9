using System.Net;
using DemoConsole.Core.Messages;
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

    /// <param name="what">What was being read ("pods in titanium-prod", a UiMessage such as the log of a pod).</param>
    public static UiMessage Describe(object what, Exception ex) => ex switch
    {
        ClusterUnavailableException unavailable => unavailable.Text,
        HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } => new UiMessage("Cluster_Unauthorized", what),
        HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } => new UiMessage("Cluster_Forbidden", what),
        HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound } => new UiMessage("Cluster_NotServed", what),
        HttpOperationException h => new UiMessage("Cluster_Answered", (int?)h.Response?.StatusCode, what),
        KubernetesException k => new UiMessage("Cluster_WatchFailed", what, k.Status?.Message ?? k.Message),
        HttpRequestException or IOException => new UiMessage("Cluster_NotReachable", what, Innermost(ex).Message),
        TimeoutException or TaskCanceledException => new UiMessage("Cluster_NoAnswerInTime", what),
        _ => new UiMessage("Cluster_ReadFailed", what, ex.Message),
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
