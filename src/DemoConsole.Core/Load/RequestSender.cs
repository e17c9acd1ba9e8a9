using System.Runtime.CompilerServices;

namespace DemoConsole.Core.Load;

/// <summary>
/// Sends one request of a run and records its outcome. Never throws: every outcome is a figure.
/// No retries happen here, and neither way of sending (<see cref="IHttpExchange"/>) adds a retrying layer.
/// </summary>
internal sealed class RequestSender(ResolvedPlan plan, LoadRecorder recorder, TimeProvider timeProvider)
{
    /// <summary>A deadline for one connection's requests, one at a time; the caller disposes it.</summary>
    public RequestDeadline NewDeadline(CancellationToken runToken) => new(plan.Timeout, timeProvider, runToken);

    // Pooled: this runs once per request and usually completes asynchronously.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(long index, long intended, IHttpExchange exchange, RequestDeadline deadline, CancellationToken runToken)
    {
        var sent = timeProvider.GetTimestamp();
        var token = deadline.Arm();
        try
        {
            var status = await exchange.ExchangeAsync(token);
            recorder.RecordResponse(index, status, intended, sent, timeProvider.GetTimestamp());
        }
        catch (Exception) when (runToken.IsCancellationRequested)
        {
            recorder.RecordAborted();
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            recorder.RecordError(index, LoadErrorClass.Timeout, sent, timeProvider.GetTimestamp());
        }
        catch (Exception exception)
        {
            recorder.RecordError(index, ErrorClassifier.Classify(exception), sent, timeProvider.GetTimestamp());
        }
        finally
        {
            deadline.Disarm();
        }
    }
}
