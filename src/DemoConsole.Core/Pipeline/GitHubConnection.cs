using DemoConsole.Core.Messages;
using Octokit;
using Octokit.Internal;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// The one place that turns <see cref="GitHubOptions"/> into an Octokit client (with the ETag cache and the request
/// meter). The client stays inside Core: screens see results and snapshots, never a <c>GitHubClient</c>.
/// </summary>
public sealed class GitHubConnection
{
    private readonly Func<GitHubOptions> _options;
    private readonly DelegatingHandler? _interceptor;
    private readonly Lock _gate = new();
    private GitHubOptions? _built;
    private GitHubClient? _client;

    public GitHubConnection(GitHubOptions options, TimeProvider time)
        : this(() => options, time, null)
    {
    }

    /// <summary>
    /// Options read when first needed, and again until a client could be built: the sandbox's GitHub address is known only
    /// once the sandbox runs, which may be after this connection was created.
    /// </summary>
    public GitHubConnection(Func<GitHubOptions> options, TimeProvider time)
        : this(options, time, null)
    {
    }

    /// <param name="interceptor">Tests only: a handler between Octokit and the network (to change the world mid-call).</param>
    internal GitHubConnection(GitHubOptions options, TimeProvider time, DelegatingHandler? interceptor)
        : this(() => options, time, interceptor)
    {
    }

    private GitHubConnection(Func<GitHubOptions> options, TimeProvider time, DelegatingHandler? interceptor)
    {
        _options = options;
        _interceptor = interceptor;
        Meter = new GitHubRequestMeter(time);
    }

    public GitHubOptions Options => Build().Options;

    public GitHubRequestMeter Meter { get; }

    /// <summary>Why there is no client (no token, an invalid URL), or null.</summary>
    public UiMessage? UnavailableReason
    {
        get
        {
            var (options, client) = Build();
            return client is not null ? null
                : !options.HasToken ? new UiMessage("Pipeline_NoToken")
                : new UiMessage("Pipeline_SettingsUnusable", options.Validate());
        }
    }

    internal GitHubClient Client => Build().Client ?? throw new InvalidOperationException(UnavailableReason?.ToString());

    /// <summary>The counts plus what the last response said about the rate limit.</summary>
    public GitHubRequestStats Stats()
    {
        var rate = Build().Client?.GetLastApiInfo()?.RateLimit;
        return Meter.Read(rate?.Remaining, rate?.Reset);
    }

    /// <summary>The web address of a repository path, for links (github.com or the Enterprise host).</summary>
    public string WebUrl(string relative) => new Uri(Options.WebBase, relative).ToString();

    private (GitHubOptions Options, GitHubClient? Client) Build()
    {
        lock (_gate)
        {
            if (_client is not null)
            {
                return (_built!, _client);
            }

            _built = _options();
            if (_built.HasToken && _built.Validate().Count == 0)
            {
                var http = new HttpClientAdapter(() =>
                {
                    HttpMessageHandler network = HttpMessageHandlerFactory.CreateDefault();
                    if (_interceptor is not null)
                    {
                        _interceptor.InnerHandler = network;
                        network = _interceptor;
                    }

                    return new MeteringHandler(Meter) { InnerHandler = network };
                });
                var connection = new Connection(new ProductHeaderValue("DemoConsole"), _built.ApiBase, new InMemoryCredentialStore(new Credentials(_built.Token)), http, new SimpleJsonSerializer());
                _client = new GitHubClient(connection) { ResponseCache = new EtagCache() };
            }

            return (_built, _client);
        }
    }
}
