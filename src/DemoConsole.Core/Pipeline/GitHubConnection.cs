using Octokit;
using Octokit.Internal;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// The one place that turns <see cref="GitHubOptions"/> into an Octokit client (with the ETag cache and the request
/// meter). The client stays inside Core: screens see results and snapshots, never a <c>GitHubClient</c>.
/// </summary>
public sealed class GitHubConnection
{
    private readonly GitHubClient? _client;

    public GitHubConnection(GitHubOptions options, TimeProvider time)
        : this(options, time, null)
    {
    }

    /// <param name="interceptor">Tests only: a handler between Octokit and the network (to change the world mid-call).</param>
    internal GitHubConnection(GitHubOptions options, TimeProvider time, DelegatingHandler? interceptor)
    {
        Options = options;
        Meter = new GitHubRequestMeter(time);
        if (options.HasToken && options.Validate().Count == 0)
        {
            var http = new HttpClientAdapter(() =>
            {
                HttpMessageHandler network = HttpMessageHandlerFactory.CreateDefault();
                if (interceptor is not null)
                {
                    interceptor.InnerHandler = network;
                    network = interceptor;
                }

                return new MeteringHandler(Meter) { InnerHandler = network };
            });
            var connection = new Connection(new ProductHeaderValue("DemoConsole"), options.ApiBase, new InMemoryCredentialStore(new Credentials(options.Token)), http, new SimpleJsonSerializer());
            _client = new GitHubClient(connection) { ResponseCache = new EtagCache() };
        }
    }

    public GitHubOptions Options { get; }

    public GitHubRequestMeter Meter { get; }

    /// <summary>Null when no token is configured (or the URL is invalid): what the reason says.</summary>
    public string? UnavailableReason => _client is not null ? null
        : !Options.HasToken ? "No GitHub token is configured (DemoConsole:GitHub:Token)."
        : string.Join(" ", Options.Validate());

    internal GitHubClient Client => _client ?? throw new InvalidOperationException(UnavailableReason);

    /// <summary>The counts plus what the last response said about the rate limit.</summary>
    public GitHubRequestStats Stats()
    {
        var rate = _client?.GetLastApiInfo()?.RateLimit;
        return Meter.Read(rate?.Remaining, rate?.Reset);
    }

    /// <summary>The web address of a repository path, for links (github.com or the Enterprise host).</summary>
    public string WebUrl(string relative) => new Uri(Options.WebBase, relative).ToString();
}
