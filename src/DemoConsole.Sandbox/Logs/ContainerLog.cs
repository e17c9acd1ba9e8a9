using System.Threading.Channels;

namespace DemoConsole.Sandbox.Logs;

/// <summary>
/// One container's stdout: a bounded tail of timestamped lines plus live followers (<c>kubectl logs -f</c>).
/// Bounded so a day of access logs or a thousand restarts cannot grow memory.
/// </summary>
internal sealed class ContainerLog
{
    private const int MaxLines = 2000;
    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _lines = new();
    private readonly List<Channel<LogLine>> _followers = [];
    private bool _closed;

    public void Append(DateTimeOffset time, string text) => Append(new LogLine(time, text));

    /// <summary>
    /// A line exactly as a process wrote it to stdout: any bytes, invalid UTF-8 included, served unchanged as the
    /// kubelet serves them.
    /// </summary>
    public void AppendBytes(DateTimeOffset time, byte[] bytes) => Append(new LogLine(time, System.Text.Encoding.UTF8.GetString(bytes), bytes));

    private void Append(LogLine line)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }

            foreach (var f in _followers)
            {
                f.Writer.TryWrite(line);
            }
        }
    }

    public IReadOnlyList<LogLine> Tail(int? count)
    {
        lock (_gate)
        {
            var all = _lines.ToList();
            return count is int n && n >= 0 && n < all.Count ? all[^n..] : all;
        }
    }

    /// <summary>The current tail and, atomically with it, a reader of every line after it.</summary>
    public (IReadOnlyList<LogLine> Backlog, ChannelReader<LogLine> Live, Action Stop) Follow(int? count)
    {
        var channel = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            var backlog = _lines.ToList();
            if (count is int n && n >= 0 && n < backlog.Count)
            {
                backlog = backlog[^n..];
            }

            if (_closed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _followers.Add(channel);
            }

            return (backlog, channel.Reader, () =>
            {
                lock (_gate)
                {
                    _followers.Remove(channel);
                }
            });
        }
    }

    /// <summary>The container stopped: followers see the end of the stream, as with a real pod.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var f in _followers)
            {
                f.Writer.TryComplete();
            }

            _followers.Clear();
        }
    }
}

/// <param name="Text">The line as text (invalid UTF-8 decoded to U+FFFD), for the sandbox's own uses.</param>
/// <param name="Raw">The bytes as written, when they are not simply <paramref name="Text"/> in UTF-8.</param>
internal readonly record struct LogLine(DateTimeOffset Time, string Text, byte[]? Raw = null)
{
    public byte[] Bytes => Raw ?? System.Text.Encoding.UTF8.GetBytes(Text);
}
