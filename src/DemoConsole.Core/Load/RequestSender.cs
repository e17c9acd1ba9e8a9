namespace DemoConsole.Core.Load;

/// <summary>
/// Sends one request of a run and records its outcome. Never throws: every outcome is a figure.
/// No retries happen here, and the handler is built without any retrying layer.
/// </summary>
internal sealed class RequestSender(HttpMessageInvoker invoker, ResolvedPlan plan, LoadRecorder recorder, TimeProvider timeProvider)
{
    public async Task SendAsync(long index, long intended, CancellationToken runToken)
    {
        var sent = timeProvider.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        using var timer = StartTimeout(linked);
        try
        {
            using var request = new HttpRequestMessage(plan.Method, plan.RequestUri);
            using var response = await invoker.SendAsync(request, linked.Token);
            // Drain the body so the connection goes back to the pool and the latency covers the whole response.
            await response.Content.CopyToAsync(Stream.Null, linked.Token);
            recorder.RecordResponse(index, (int)response.StatusCode, intended, sent, timeProvider.GetTimestamp());
        }
        catch (Exception) when (runToken.IsCancellationRequested)
        {
            recorder.RecordAborted();
        }
        catch (Exception) when (linked.IsCancellationRequested)
        {
            recorder.RecordError(index, LoadErrorClass.Timeout, sent, timeProvider.GetTimestamp());
        }
        catch (Exception exception)
        {
            recorder.RecordError(index, ErrorClassifier.Classify(exception), sent, timeProvider.GetTimestamp());
        }
    }

    private ITimer? StartTimeout(CancellationTokenSource linked)
    {
        if (timeProvider == TimeProvider.System)
        {
            linked.CancelAfter(plan.Timeout);
            return null;
        }

        // A test clock drives the timeout too, so a stalled request times out when the test advances time.
        return timeProvider.CreateTimer(
            static state =>
            {
                try
                {
                    ((CancellationTokenSource)state!).Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The request finished while the timer fired.
                }
            },
            linked,
            plan.Timeout,
            Timeout.InfiniteTimeSpan);
    }
}
