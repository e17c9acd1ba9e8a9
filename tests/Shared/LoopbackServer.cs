using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Tests.Shared;

/// <summary>A real Kestrel on a free loopback port answering every request with one handler: an API server that refuses, a panel that forbids framing, an exporter of hostile metrics.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address));
    }

    /// <summary>A kubeconfig whose cluster is this server.</summary>
    public async Task<string> KubeconfigAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("loopback-api-").FullName, "kubeconfig");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: loopback
              cluster:
                server: {Address.GetLeftPart(UriPartial.Authority)}
            contexts:
            - name: loopback
              context:
                cluster: loopback
                user: someone
            current-context: loopback
            users:
            - name: someone
              user:
                token: not-allowed
            """);
        return path;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
