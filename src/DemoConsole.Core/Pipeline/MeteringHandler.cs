using System.Net;

namespace DemoConsole.Core.Pipeline;

/// <summary>Counts every request that leaves for GitHub, below Octokit's cache, so 304 revalidations are counted too.</summary>
internal sealed class MeteringHandler(GitHubRequestMeter meter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        meter.Record(response.StatusCode == HttpStatusCode.NotModified);
        return response;
    }
}
