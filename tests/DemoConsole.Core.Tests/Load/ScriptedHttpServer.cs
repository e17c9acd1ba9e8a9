using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DemoConsole.Core.Tests.Load;

/// <summary>
/// A loopback TCP server that answers each request head it reads with the next scripted response, byte for byte,
/// so a client's handling of framings a normal server rarely produces (chunks, HTTP/1.0, close, interim answers)
/// can be tested. A script entry may close the connection after writing, or close it without answering.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<(string? Response, bool Close)> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _requests = [];
    private int _connections;

    public ScriptedHttpServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Queues a response (null: close without answering), optionally closing the connection after it.</summary>
    public ScriptedHttpServer Then(string? response, bool close = false)
    {
        lock (_script)
        {
            _script.Enqueue((response, close));
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var pending = new StringBuilder();
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                int end;
                while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    lock (_requests)
                    {
                        _requests.Add(pending.ToString(0, end + 4));
                    }

                    pending.Remove(0, end + 4);
                    (string? Response, bool Close) next;
                    lock (_script)
                    {
                        next = _script.Dequeue();
                    }

                    if (next.Response is not null)
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(next.Response), _stop.Token);
                    }

                    if (next.Response is null || next.Close)
                    {
                        return;
                    }
                }
            }
        }
    }
}
