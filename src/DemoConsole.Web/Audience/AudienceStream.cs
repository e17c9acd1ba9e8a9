using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DemoConsole.Core.Live;
using DemoConsole.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;

namespace DemoConsole.Web.Audience;

/// <summary>
/// The light audience screens' one view. While at least one light screen is open, the audience components run once in
/// a <see cref="SharedAudienceRenderer"/>, following live state exactly as on a Blazor <c>/watch</c> circuit; after each
/// render the HTML is written once and, when it changed, published as an <see cref="AudienceFrame"/> to every screen.
/// A viewer then costs a connection and a one-slot subscription instead of a circuit with its own render tree
/// (docs/benchmarks.md, "Audience screens"). The last screen leaving stops the view and its subscriptions.
/// </summary>
public sealed partial class AudienceStream(IServiceProvider services, ILoggerFactory loggers, AudienceLanguage language) : IAsyncDisposable
{
    private readonly SnapshotBroadcaster<AudienceFrame> _frames = new(AudienceFrame.None);
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ILogger _logger = loggers.CreateLogger<AudienceStream>();
    private Running? _running;
    private int _viewers;

    /// <summary>Light screens connected now.</summary>
    public int Viewers => Volatile.Read(ref _viewers);

    /// <summary>The newest frame (<see cref="AudienceFrame.None"/> while no light screen is open).</summary>
    public AudienceFrame Current => _frames.Current;

    /// <summary>
    /// The frames one screen shows: the current one at once, then every newer one it gets to see (a slow connection skips
    /// to the newest). <paramref name="baseUri"/> is the console's address as the first screen reached it; the panels
    /// resolve their frames' relative addresses against it.
    /// </summary>
    public async IAsyncEnumerable<AudienceFrame> FollowAsync(Uri baseUri, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await JoinAsync(baseUri, cancellationToken);
        try
        {
            await foreach (var frame in _frames.SubscribeAsync(cancellationToken))
            {
                if (frame.Version > 0)
                {
                    yield return frame;
                }
            }
        }
        finally
        {
            await LeaveAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_running is not null)
            {
                await _running.DisposeAsync();
                _running = null;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task JoinAsync(Uri baseUri, CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            // Counted once the view runs: a start that failed leaves no viewer behind to keep a view that is not there.
            _running ??= await Running.StartAsync(services, loggers, language.Current(), baseUri, _frames, _logger);
            _viewers++;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task LeaveAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (--_viewers == 0 && _running is not null)
            {
                await _running.DisposeAsync();
                _running = null;
                _frames.Publish(AudienceFrame.None);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>The renderer, its service scope, and the loop that writes its HTML after renders.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly SharedAudienceRenderer _renderer;
        private readonly Channel<bool> _renders = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        private readonly CancellationTokenSource _stop = new();
        private readonly SnapshotBroadcaster<AudienceFrame> _frames;
        private readonly ILogger _logger;
        private HtmlRootComponent _root;
        private Task _writer = Task.CompletedTask;

        private Running(AsyncServiceScope scope, ILoggerFactory loggers, SnapshotBroadcaster<AudienceFrame> frames, ILogger logger)
        {
            _scope = scope;
            _frames = frames;
            _logger = logger;
            _renderer = new SharedAudienceRenderer(scope.ServiceProvider, loggers, () => _renders.Writer.TryWrite(true));
        }

        public static async Task<Running> StartAsync(
            IServiceProvider services, ILoggerFactory loggers, CultureInfo[] culture, Uri baseUri, SnapshotBroadcaster<AudienceFrame> frames, ILogger logger)
        {
            var scope = services.CreateAsyncScope();
            // The panels ask the navigation manager for the console's address; outside a circuit nobody else sets it.
            if (scope.ServiceProvider.GetService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            {
                navigation.Initialize(baseUri.ToString(), new Uri(baseUri, "watch").ToString());
            }

            var running = new Running(scope, loggers, frames, logger);
            // The view's subscriptions and the writer start here and carry the audience's culture with them for good:
            // their tasks inherit it from this one.
            await Task.Run(async () =>
            {
                CultureInfo.CurrentCulture = culture[0];
                CultureInfo.CurrentUICulture = culture[1];
                running._root = await running._renderer.Dispatcher.InvokeAsync(() =>
                    running._renderer.BeginRenderingComponent(typeof(AudienceStreamView), ParameterView.Empty));
                await running._root.QuiescenceTask;
                await running.WriteAsync();
                running._writer = running.WriteAfterRendersAsync();
            });
            return running;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _writer;
            await _renderer.DisposeViewAsync();
            await _scope.DisposeAsync();
            _stop.Dispose();
        }

        private async Task WriteAfterRendersAsync()
        {
            try
            {
                while (await _renders.Reader.WaitToReadAsync(_stop.Token))
                {
                    _renders.Reader.TryRead(out _);
                    await WriteAsync();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The last screen left.
            }
        }

        /// <summary>Writes the view's HTML (on the renderer's dispatcher, where the render tree is consistent) and publishes it if it changed.</summary>
        private async Task WriteAsync()
        {
            try
            {
                var html = await _renderer.Dispatcher.InvokeAsync(() => _root.ToHtmlString());
                var last = _frames.Current;
                if (!string.Equals(html, last.Html, StringComparison.Ordinal))
                {
                    _frames.Publish(new AudienceFrame(last.Version + 1, html));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogWriteFailed(_logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "The light audience view could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
