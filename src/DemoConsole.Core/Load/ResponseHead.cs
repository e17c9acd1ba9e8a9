using System.Buffers.Text;
using System.Text;

namespace DemoConsole.Core.Load;

/// <summary>What <see cref="RawHttpConnection"/> needs from a response's status line and headers.</summary>
/// <param name="Status">The status code.</param>
/// <param name="ContentLength">The body's length, unless the body is chunked or runs until the connection closes.</param>
/// <param name="Chunked">Whether the body comes in chunks (Transfer-Encoding: chunked).</param>
/// <param name="KeepAlive">Whether the connection may carry the next request (HTTP/1.1 unless "close"; HTTP/1.0 only with "keep-alive").</param>
internal readonly record struct ResponseHead(int Status, long? ContentLength, bool Chunked, bool KeepAlive)
{
    /// <summary>Parses <paramref name="head"/>: the status line and headers, ending with the blank line.</summary>
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK\r\n": the version, a space, three digits.
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || head[8] != (byte)' '
            || !char.IsAsciiDigit((char)head[9]) || !char.IsAsciiDigit((char)head[10]) || !char.IsAsciiDigit((char)head[11]))
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, "The response does not start with an HTTP/1.x status line.");
        }

        var status = ((head[9] - '0') * 100) + ((head[10] - '0') * 10) + (head[11] - '0');
        var http10 = head[7] == (byte)'0';
        var keepAlive = !http10;
        long? contentLength = null;
        var chunked = false;
        var lines = head[(head.IndexOf("\r\n"u8) + 2)..];
        while (lines.Length > 2)
        {
            var end = lines.IndexOf("\r\n"u8);
            var line = lines[..end];
            lines = lines[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "The response has a header line without a name.");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ').Trim((byte)'\t');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length || length < 0)
                {
                    throw new HttpRequestException(HttpRequestError.InvalidResponse, "The response has an invalid Content-Length.");
                }

                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = value.Length >= 7 && Ascii.EqualsIgnoreCase(value[^7..], "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                keepAlive = Contains(value, "close"u8) ? false : http10 ? Contains(value, "keep-alive"u8) : keepAlive;
            }
        }

        return new ResponseHead(status, contentLength, chunked, keepAlive);
    }

    private static bool Contains(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        for (var i = 0; i + token.Length <= value.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(value.Slice(i, token.Length), token))
            {
                return true;
            }
        }

        return false;
    }
}
