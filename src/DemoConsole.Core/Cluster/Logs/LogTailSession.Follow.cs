using System.Text.RegularExpressions;
using DemoConsole.Core.Messages;
using k8s;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

internal sealed partial class LogTailSession
{
    /// <summary>
    /// Reads one pod's log until it ends (the container stopped) or the pod leaves the selection. A dropped
    /// stream is reopened after a backoff from "now" (tailLines=0): lines written during the gap are lost
    /// rather than shown twice.
    /// </summary>
    private async Task FollowAsync(Follower follower, string uid, int? tail, CancellationToken cancel)
    {
        var pod = follower.Pod;
        var backoff = _options.InitialBackoff;
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                using var response = await _connection.Client.CoreV1.ReadNamespacedPodLogWithHttpMessagesAsync(
                    pod, _request.Namespace, container: _request.Container, follow: true, tailLines: tail, cancellationToken: cancel);
                Streaming(follower, true);
                SetFollowProblem(null);
                using var reader = new StreamReader(response.Body);
                while (await reader.ReadLineAsync(cancel) is { } line)
                {
                    Add(pod, line);
                    backoff = _options.InitialBackoff;
                }

                // The server ended the stream: the container stopped. Its pod may still be listed (Terminating).
                lock (_gate)
                {
                    _finished.Add(uid);
                    _followers.Remove(uid);
                }

                MarkDirty();
                return;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Streaming(follower, false);
                var problem = FailureText.Describe(new UiMessage("Logs_LogOf", pod), ex);
                LogFollowFailed(pod, problem);
                SetFollowProblem(problem);
                tail = 0;
                try
                {
                    await Task.Delay(backoff, _time, cancel);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    private void Add(string pod, string line)
    {
        bool matched;
        try
        {
            matched = _filter is null || _filter.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            matched = false;
        }

        lock (_gate)
        {
            _read++;
            if (matched)
            {
                _matched++;
                _lines.Enqueue(new LogTailLine(_time.GetUtcNow(), pod, line));
                while (_lines.Count > Math.Max(1, _request.BufferSize))
                {
                    _lines.Dequeue();
                }
            }
        }

        MarkDirty();
    }

    private void Streaming(Follower follower, bool streaming)
    {
        lock (_gate)
        {
            follower.Streaming = streaming;
        }

        MarkDirty();
    }

    private void SetFollowProblem(UiMessage? problem)
    {
        lock (_gate)
        {
            if (_followProblem == problem)
            {
                return;
            }

            _followProblem = problem;
        }

        MarkDirty();
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "Following the log of {Pod} failed: {Problem}")]
    private partial void LogFollowFailed(string pod, UiMessage problem);
}
