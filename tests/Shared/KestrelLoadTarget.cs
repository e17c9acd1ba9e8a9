using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Tests.Shared;

/// <summary>
/// A real Kestrel server on a loopback port chosen by the OS, shaped like the demo's gateway:
/// <c>GET /blog/</c> answers 200 and other methods 405, unknown paths 404, plus endpoints that delay
/// (<c>/delay/{ms}</c>), fail (<c>/fail</c>, 500), reset the connection (<c>/reset</c>) and stall until the
/// client gives up or the test calls <see cref="ReleaseStalled"/> (<c>/stall</c>). <see cref="Pause"/> holds every request for a while, like a GC pause.
/// </summary>
public sealed class KestrelLoadTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private long _requests;
    private int _stalled;
    private volatile TaskCompletionSource? _pause;
    private volatile TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KestrelLoadTarget(TimeProvider time)
    {
        _time = time;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            await OnRequestAsync(context.RequestAborted);
            await next(context);
        });
        _app.MapGet("/blog/", () => Results.Text("<html><body>blog</body></html>", "text/html"));
        _app.MapGet("/delay/{ms:int}", async (int ms, CancellationToken aborted) =>
        {
            // The simulated server's own latency on its TimeProvider (the target's behaviour, not a test waiting).
            await Task.Delay(TimeSpan.FromMilliseconds(ms), _time, aborted);
            return Results.Text("late");
        });
        _app.MapGet("/fail", () => Results.StatusCode(500));
        _app.MapGet("/reset", (HttpContext context) => context.Abort());
        _app.MapGet("/stall", StallAsync);
    }

    /// <summary>For example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests that reached the server, counted before any pause or delay.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Requests currently held by <c>/stall</c>.</summary>
    public int StalledCount => Volatile.Read(ref _stalled);

    /// <summary>Starts the target; <c>/delay</c> and <see cref="Pause"/> run on <paramref name="time"/> (a test passes a fake clock, a benchmark the system's).</summary>
    public static async Task<KestrelLoadTarget> StartAsync(TimeProvider? time = null)
    {
        var target = new KestrelLoadTarget(time ?? TimeProvider.System);
        await target._app.StartAsync();
        var address = target._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        target.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return target;
    }

    /// <summary>A loopback URI on which nothing listens, so connecting is refused.</summary>
    public static Uri UnusedLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Lets every request held by <c>/stall</c> now answer 200; later ones stall again.</summary>
    public void ReleaseStalled()
    {
        var released = _release;
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.TrySetResult();
    }

    /// <summary>Holds every request arriving in the next <paramref name="duration"/> until it has passed.</summary>
    public void Pause(TimeSpan duration)
    {
        var pause = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pause = pause;
        // The simulated server's own pause on its TimeProvider (the target's behaviour, not a test waiting).
        _ = Task.Delay(duration, _time).ContinueWith(_ => pause.TrySetResult(), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task StallAsync(CancellationToken aborted)
    {
        // Take the release before being counted: a test that sees the count and then releases must free this request.
        var release = _release;
        Interlocked.Increment(ref _stalled);
        try
        {
            await release.Task.WaitAsync(aborted);
        }
        finally
        {
            Interlocked.Decrement(ref _stalled);
        }
    }

    private Task OnRequestAsync(CancellationToken aborted)
    {
        Interlocked.Increment(ref _requests);
        var pause = _pause;
        return pause is null || pause.Task.IsCompleted ? Task.CompletedTask : pause.Task.WaitAsync(aborted);
    }
}
