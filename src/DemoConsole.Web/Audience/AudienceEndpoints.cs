using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Http.Features;

namespace DemoConsole.Web.Audience;

/// <summary>
/// <c>GET /watch/stream</c>: the light audience screen's server-sent events, one <c>view</c> event per new rendering of
/// the audience view. Authorized exactly like <c>/watch</c> (viewer token, presenter sign-in, or open watching); refused
/// with 401 rather than a redirect, since an EventSource cannot follow one to a sign-in form.
/// </summary>
public static class AudienceEndpoints
{
    public const string StreamPath = "/watch/stream";

    public static IEndpointRouteBuilder MapAudienceStream(this IEndpointRouteBuilder app)
    {
        app.MapGet(StreamPath, StreamAsync).RequireAuthorization(ConsoleClaims.WatchPolicy).ExcludeFromDescription();
        return app;
    }

    private static async Task StreamAsync(HttpContext context, AudienceStream stream)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Every event goes out when written, not when a buffer fills.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var baseUri = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
        try
        {
            await context.Response.StartAsync(cancellationToken);
            await foreach (var frame in stream.FollowAsync(baseUri, cancellationToken))
            {
                await context.Response.Body.WriteAsync(frame.Event, cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The screen was closed.
        }
    }
}
