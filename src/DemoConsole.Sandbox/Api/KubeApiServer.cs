using System.Net;
using System.Security.Cryptography.X509Certificates;
using DemoConsole.Sandbox.Auth;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using Microsoft.AspNetCore.Routing;

namespace DemoConsole.Sandbox.Api;

/// <summary>The Kubernetes API as a Kestrel app: discovery documents, resource routes, Status errors, the journal.</summary>
internal static class KubeApiServer
{
    /// <param name="certificate">The secure port's certificate (<see cref="ServingCertificate"/>): the API is served on plain HTTP at
    /// <paramref name="port"/> and on HTTPS at a free port.</param>
    public static WebApplication Build(
        Cluster cluster, RequestJournal journal, IPAddress address, int port, X509Certificate2 certificate, ResourceMetricsApi? metrics = null)
    {
        var app = LoopbackWebApp.CreateBuilder(address, port, certificate).Build();
        var tokens = new ServiceAccountTokens(cluster);
        app.Lifetime.ApplicationStopped.Register(tokens.Dispose);
        var dispatcher = new ResourceDispatcher(cluster, new TokenRequestEndpoint(cluster, tokens));
        var access = new ApiAccessControl(tokens, new RbacAuthorizer(cluster));

        app.Use(async (context, next) =>
        {
            journal.Add(new ApiRequestRecord(cluster.Now, context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                HttpMethods.IsDelete(context.Request.Method) ? await RequestJournal.ReadBodyAsync(context.Request) : null, context.Request.Host.Value));
            try
            {
                await access.InvokeAsync(context, () => next(context));
            }
            catch (ApiException e) when (!context.Response.HasStarted)
            {
                await StatusWriter.WriteAsync(context, e);
            }
        });

        app.MapGet("/version", () => Results.Json(Discovery.Version()));
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => Results.Text("ok"));
        app.MapGet("/livez", () => Results.Text("ok"));
        app.MapGet("/api", (HttpContext context) => DiscoveryAsync(context, core: true));
        app.MapGet("/apis", (HttpContext context) => DiscoveryAsync(context, core: false));
        app.Map("/api/{version}/{**rest}", (HttpContext context, string version, string? rest) =>
            HandleAsync(context, dispatcher, "", version, rest));
        app.Map("/apis/{group}/{**rest}", (HttpContext context, string group, string? rest) =>
        {
            if (group == ResourceMetricsApi.Group && metrics is not null && (rest ?? "").Length > 0)
            {
                return metrics.HandleAsync(context, rest);
            }

            var parts = (rest ?? "").Split('/', 2);
            if (parts[0].Length == 0)
            {
                return Discovery.Group(group) is { } g ? JsonOutput.WriteAsync(context, g) : NotFoundAsync(context);
            }

            return HandleAsync(context, dispatcher, group, parts[0], parts.ElementAtOrDefault(1));
        });
        app.MapGet("/openapi/v3", (HttpContext context) => JsonOutput.WriteAsync(context, OpenApi.Root()));
        app.MapGet("/openapi/v3/{**path}", (HttpContext context, string path) =>
            OpenApi.GroupVersion(path) is { } doc ? JsonOutput.WriteAsync(context, doc) : NotFoundAsync(context));
        // The secure port's CA for a team's own kubeconfig (a pod gets it as ca.crt; the sandbox has no pods to mount it in).
        var caPem = ServingCertificate.Pem(certificate);
        app.MapGet($"{FaultEndpoint.Root}/ca.crt", () => Results.Text(caPem, "application/x-pem-file"));
        FaultEndpoint.Map(app, cluster);
        ContainerOutputEndpoint.Map(app, cluster);
        app.MapFallback(NotFoundAsync);
        return app;
    }

    private static Task DiscoveryAsync(HttpContext context, bool core)
    {
        if (AggregatedDiscovery.IsRequested(context.Request))
        {
            context.Response.ContentType = AggregatedDiscovery.ContentType;
            return context.Response.WriteAsync(AggregatedDiscovery.Document(core).ToJsonString(), context.RequestAborted);
        }

        var host = context.Request.Host.Value ?? "127.0.0.1";
        return JsonOutput.WriteAsync(context, core ? Discovery.CoreVersions(host) : Discovery.GroupList());
    }

    private static Task HandleAsync(HttpContext context, ResourceDispatcher dispatcher, string group, string version, string? rest)
    {
        var segments = (rest ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return context.Request.Method == "GET" && Discovery.ResourceList(group, version) is { } list
                ? JsonOutput.WriteAsync(context, list)
                : NotFoundAsync(context);
        }

        if (segments[0] == "watch" && context.Request.Method == "GET")
        {
            // The deprecated /watch/ paths, still used by older clients: a watch of the list, narrowed to the name.
            var watched = ApiTarget.Parse(group, version, segments[1..]);
            return watched is null || watched.Subresource is not null ? NotFoundAsync(context) : dispatcher.WatchAsync(context, watched);
        }

        if (UnservedRequests.IsProxyPath(segments))
        {
            segments = segments[..5];
        }

        var target = ApiTarget.Parse(group, version, segments);
        return target is null ? NotFoundAsync(context) : dispatcher.DispatchAsync(context, target);
    }

    private static Task NotFoundAsync(HttpContext context) =>
        StatusWriter.WriteAsync(context, UnservedRequests.NotFound(context.Request));
}
