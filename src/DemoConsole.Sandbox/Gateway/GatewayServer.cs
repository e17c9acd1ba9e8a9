using System.Net;
using System.Text;
using DemoConsole.Sandbox.Controllers;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>The demo gateway on its own port: every request goes through <see cref="DemoGateway"/>, except /metrics.</summary>
internal static class GatewayServer
{
    public static WebApplication Build(DemoGateway gateway, IPAddress address, int port)
    {
        var app = LoopbackWebApp.CreateBuilder(address, port).Build();
        app.Run(async context =>
        {
            var request = context.Request;
            if (request.Path == "/metrics" && request.Method == "GET")
            {
                var text = new StringBuilder();
                gateway.Metrics.WriteTo(text);
                gateway.Containers.WriteTo(text);
                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
                return;
            }

            var client = context.Connection.RemoteIpAddress?.ToString() ?? "-";
            var response = await gateway.HandleAsync(request.Method, request.Path.Value ?? "/", client, request.Headers.UserAgent.ToString(), context.RequestAborted);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["server"] = "istio-envoy";
            context.Response.Headers["x-envoy-upstream-service-time"] = "3";
            if (response.Allow is not null)
            {
                context.Response.Headers.Allow = response.Allow;
            }

            if (request.Method != "HEAD")
            {
                await context.Response.WriteAsync(response.Body, context.RequestAborted);
            }
        });
        return app;
    }
}
