namespace DemoConsole.Core.Load;

/// <summary>One request and its whole response (body drained), returning the status code; throws on any failure.</summary>
internal interface IHttpExchange
{
    ValueTask<int> ExchangeAsync(CancellationToken cancellationToken);
}
