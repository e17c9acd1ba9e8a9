namespace DemoConsole.Core.Load;

/// <summary>A request through <see cref="SocketsHttpHandler"/>: every method, https, and the open model's shared connections.</summary>
internal sealed class HandlerExchange(HttpMessageInvoker invoker, ResolvedPlan plan) : IHttpExchange
{
    public async ValueTask<int> ExchangeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(plan.Method, plan.RequestUri);
        using var response = await invoker.SendAsync(request, cancellationToken);
        // Drain the body so the connection goes back to the pool and the latency covers the whole response.
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        return (int)response.StatusCode;
    }
}
