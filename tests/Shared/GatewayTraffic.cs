using System.Collections.Concurrent;

namespace DemoConsole.Tests.Shared;

/// <summary>
/// Steady real requests through a (loopback) gateway until disposed: the given paths in turn, one every
/// <c>pause</c>, counting the status codes that came back, so a test can show what the gateway really answered.
/// </summary>
public sealed class GatewayTraffic : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, int> _codes = new();
    private readonly Task _loop;

    private GatewayTraffic(Uri gateway, IReadOnlyList<string> paths, TimeSpan pause)
    {
        if (!gateway.IsLoopback)
        {
            throw new ArgumentException($"test traffic goes to loopback only, not {gateway}", nameof(gateway));
        }

        _http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(10) };
        _loop = Task.Run(() => RunAsync(paths, pause));
    }

    public static GatewayTraffic Start(Uri gateway, IReadOnlyList<string> paths, TimeSpan pause) => new(gateway, paths, pause);

    /// <summary>How many answers had this status so far.</summary>
    public int Count(int status) => _codes.GetValueOrDefault(status);

    private async Task RunAsync(IReadOnlyList<string> paths, TimeSpan pause)
    {
        // Pacing, not waiting for a condition: one request per tick of a steady timer.
        using var pace = new PeriodicTimer(pause);
        try
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                using (var response = await _http.GetAsync(new Uri(paths[i % paths.Count], UriKind.Relative), _stop.Token))
                {
                    _codes.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }

                await pace.WaitForNextTickAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _http.Dispose();
    }
}
