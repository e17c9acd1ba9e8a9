namespace DemoConsole.Tests.Shared;

/// <summary>
/// <see cref="IHttpClientFactory"/> whose clients all send through one handler, which disposing a client leaves
/// open, as the real factory's pooled handlers are.
/// </summary>
public sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    /// <summary>Clients over a plain socket handler: real HTTP.</summary>
    public HandlerHttpClientFactory()
        : this(new SocketsHttpHandler())
    {
    }

    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
