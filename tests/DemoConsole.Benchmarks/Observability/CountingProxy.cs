using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Benchmarks.Observability;

/// <summary>
/// A loopback pass-through in front of Prometheus (and Alertmanager) that counts every request by path, so the query load
/// is counted where it lands, whatever the console believes it sends. The target can be set after the proxy listens: the
/// console must know the proxy's address before it starts, and its sandbox's Prometheus exists only once it has.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private CountingProxy(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Where requests go; loopback only.</summary>
    public Uri? Target
    {
        get;
        set => field = value is { IsLoopback: true } ? value : throw new ArgumentException($"the proxy forwards to loopback only, not {value}");
    }

    public static async Task<CountingProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        CountingProxy? proxy = null;
        app.Run(context => proxy!.ForwardAsync(context));
        await app.StartAsync();
        proxy = new CountingProxy(app, new Uri(app.Urls.First()));
        return proxy;
    }

    /// <summary>Requests per path since the last call, and zeroes the counts.</summary>
    public IReadOnlyDictionary<string, int> TakeCounts()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var n))
            {
                result[key] = n;
            }
        }

        return result;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        _counts.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
        if (Target is not { } target)
        {
            context.Response.StatusCode = 503;
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            request.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        using var response = await _http.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
