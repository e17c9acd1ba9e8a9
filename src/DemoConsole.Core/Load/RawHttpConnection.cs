using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace DemoConsole.Core.Load;

/// <summary>
/// Plain-HTTP/1.1 GETs over one TCP connection of its own, one request at a time: what a closed-model worker
/// needs, without <see cref="SocketsHttpHandler"/>'s request and response objects, header collections and pool
/// (measured: about half the engine's CPU time per request went there). Only for http GET in the closed model;
/// everything else goes through the handler. It behaves as the handler does where that shows in the figures:
/// the whole response is read (chunked, Content-Length, or until the server closes), the connection is kept
/// unless the server says otherwise, a connection in an unknown state (error, timeout) is never used again, and a
/// request that finds its kept connection already closed by the server, before any byte of an answer, is sent
/// once more on a new connection.
/// </summary>
internal sealed class RawHttpConnection : IHttpExchange, IDisposable
{
    // Every async method here completes asynchronously about once per request (waiting for the answer); pooled
    // builders reuse their state machines instead of allocating one each time.
    // The handler's default limit for a response's status line and headers.
    private const int MaxHeadBytes = 64 * 1024;

    private readonly DnsEndPoint _endPoint;
    private readonly byte[] _request;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;
    private long _received;
    private Socket? _socket;
    private bool _reused;

    public RawHttpConnection(Uri requestUri)
    {
        _endPoint = new DnsEndPoint(requestUri.DnsSafeHost, requestUri.Port);
        var host = requestUri.HostNameType == UriHostNameType.Dns ? requestUri.IdnHost : requestUri.Host;
        var authority = requestUri.IsDefaultPort ? host : $"{host}:{requestUri.Port}";
        // The same request line and headers the handler sends for a GET without content.
        _request = Encoding.ASCII.GetBytes($"GET {requestUri.PathAndQuery} HTTP/1.1\r\nHost: {authority}\r\n\r\n");
    }

    /// <summary>Whether this plan's requests can go over raw connections: the closed model's plain-HTTP GETs.</summary>
    public static bool CanSend(ResolvedPlan plan) =>
        plan.Model == LoadModel.Closed && plan.RequestUri.Scheme == Uri.UriSchemeHttp && plan.Method == HttpMethod.Get;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ExchangeAsync(CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return await SendAndReadAsync(cancellationToken);
            }
            catch (Exception exception) when (_reused && _received == 0 && exception is SocketException or ClosedBeforeAnswerException)
            {
                // The server closed the kept connection while it was idle (its keep-alive timeout or request limit).
                Close();
                return await SendAndReadAsync(cancellationToken);
            }
        }
        catch (ClosedBeforeAnswerException)
        {
            Close();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The server closed the connection before answering.");
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Dispose() => Close();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> SendAndReadAsync(CancellationToken cancellationToken)
    {
        _received = 0;
        _start = _end = 0;
        if (_socket is null)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_endPoint, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _socket = socket;
            _reused = false;
        }

        await _socket.SendAsync(_request, SocketFlags.None, cancellationToken);
        var (status, keepAlive) = await ReadResponseAsync(cancellationToken);
        if (keepAlive)
        {
            _reused = true;
        }
        else
        {
            Close();
        }

        return status;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(int Status, bool KeepAlive)> ReadResponseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var headLength = await ReadHeadAsync(cancellationToken);
            var head = ResponseHead.Parse(_buffer.AsSpan(_start, headLength));
            _start += headLength;
            if (head.Status is >= 100 and < 200 and not 101)
            {
                // An interim answer (100 Continue, 103 Early Hints): the real one follows on the same connection.
                continue;
            }

            if (head.Status is 101 or 204 or 304)
            {
                return (head.Status, head.KeepAlive && head.Status != 101);
            }

            if (head.Chunked)
            {
                await SkipChunkedAsync(cancellationToken);
            }
            else if (head.ContentLength is { } length)
            {
                await SkipAsync(length, cancellationToken);
            }
            else
            {
                // Neither length nor chunks: the body ends when the server closes the connection.
                while (await FillAsync(cancellationToken))
                {
                    _start = _end;
                }

                return (head.Status, false);
            }

            return (head.Status, head.KeepAlive);
        }
    }

    /// <summary>Reads until the status line and headers are complete; returns their length including the blank line.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                return found + 4;
            }

            if (!await FillAsync(cancellationToken))
            {
                throw _received == 0 ? new ClosedBeforeAnswerException() : Ended();
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipChunkedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            var sizeText = line.Span;
            var extension = sizeText.IndexOf((byte)';');
            sizeText = (extension >= 0 ? sizeText[..extension] : sizeText).Trim((byte)' ');
            if (!Utf8Parser.TryParse(sizeText, out long size, out var consumed, 'X') || consumed != sizeText.Length || size < 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "The response has an invalid chunk size.");
            }

            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((await ReadLineAsync(cancellationToken)).Length > 0)
                {
                }

                return;
            }

            await SkipAsync(size, cancellationToken);
            if ((await ReadLineAsync(cancellationToken)).Length != 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "A chunk of the response is longer than its size.");
            }
        }
    }

    /// <summary>The next line without its CRLF, consumed from the buffer; valid until the next read.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                var line = _buffer.AsMemory(_start, found);
                _start += found + 2;
                return line;
            }

            if (!await FillAsync(cancellationToken))
            {
                throw Ended();
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw Ended();
            }

            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    /// <summary>Reads more bytes after the unread ones; false when the server closed the connection.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            else if (_buffer.Length < MaxHeadBytes)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else
            {
                throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"The response's headers are longer than {MaxHeadBytes} bytes.");
            }
        }

        var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += read;
        _received += read;
        return read > 0;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _reused = false;
    }

    private static HttpRequestException Ended() =>
        new(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    /// <summary>The connection closed before a single byte of the answer; on a kept connection the request is sent again.</summary>
    private sealed class ClosedBeforeAnswerException : Exception
    {
    }
}
