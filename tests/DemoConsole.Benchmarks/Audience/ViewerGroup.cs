namespace DemoConsole.Benchmarks.Audience;

/// <summary>
/// The lightweight viewers connected to one console replica. Each replica renders the audience view on its own and
/// numbers its versions itself, so which version first shows an event is read per replica, from the one viewer of
/// the group that keeps the HTML it receives.
/// </summary>
internal sealed class ViewerGroup(BenchConsole console, int viewers) : IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { UseCookies = false, MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
    private HttpClient? _http;

    public BenchConsole Console { get; } = console;

    public IReadOnlyList<SseViewer> Viewers { get; } = Enumerable.Range(0, viewers).Select(i => new SseViewer(keepHtml: i == 0)).ToArray();

    public SseViewer Keeper => Viewers[0];

    /// <summary>Opens every viewer's stream, at most 50 connecting at once.</summary>
    public async Task OpenAsync(CancellationToken stop)
    {
        _http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = Console.Address, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add("Cookie", await Console.ViewerCookieAsync());
        using var limit = new SemaphoreSlim(50);
        await Task.WhenAll(Viewers.Select(async viewer =>
        {
            await limit.WaitAsync(stop);
            try
            {
                await viewer.OpenAsync(_http, stop);
            }
            finally
            {
                limit.Release();
            }
        }));
    }

    public bool AllShowing => Viewers.All(v => v.LastVersion > 0);

    /// <summary>The first version after <paramref name="after"/> whose pods table shows <paramref name="victim"/> not Running (or gone); 0: none yet.</summary>
    public long FirstShowing(long after, string victim) =>
        Keeper.Html().Where(h => h.Key > after).OrderBy(h => h.Key)
            .FirstOrDefault(h => !FramePods.Of(h.Value).TryGetValue(victim, out var status) || status != "Running").Key;

    public bool AllReceived(long version) => Viewers.All(v => v.LastVersion >= version);

    /// <summary>Milliseconds from <paramref name="sent"/> until each viewer received <paramref name="version"/> or a newer one.</summary>
    public IEnumerable<double> Latencies(long version, double sent) =>
        Viewers.Select(v => v.Arrivals().First(a => a.Version >= version).At - sent);

    public void Dispose()
    {
        _http?.Dispose();
        _handler.Dispose();
    }
}
