using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The continue token of a paged list, in apimachinery's format (storage.EncodeContinue): unpadded base64url of
/// <c>{"v":"meta.k8s.io/v1","rv":…,"start":…}</c>, where start is the key to resume at, relative to the list's
/// prefix ("name\0" in one namespace, "namespace/name\0" across all). rv -1 means "at the latest version".
/// </summary>
internal sealed record ContinueToken(long ResourceVersion, string StartKey)
{
    private const string Version = "meta.k8s.io/v1";

    public string Encode()
    {
        var json = new JsonObject { ["v"] = Version, ["rv"] = ResourceVersion, ["start"] = StartKey }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token; anything else is the 400 kube-apiserver gives ("invalid continue token: …").</summary>
    public static ContinueToken Decode(string text)
    {
        var bytes = DecodeBase64Url(text);
        JsonObject? token;
        try
        {
            token = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException e)
        {
            throw Invalid(e.Message);
        }

        if (token is null)
        {
            throw Invalid("the token is not a JSON object");
        }

        if ((string?)token["v"] != Version)
        {
            throw Invalid("server does not recognize this encoded version");
        }

        var rv = token["rv"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        if (rv == 0)
        {
            throw Invalid($"incorrect encoded start resourceVersion (version {Version})");
        }

        var start = (string?)token["start"] ?? "";
        if (start.Length == 0)
        {
            throw Invalid($"encoded start key empty (version {Version})");
        }

        return new ContinueToken(rv, start);
    }

    private static byte[] DecodeBase64Url(string text)
    {
        // Go's RawURLEncoding: the URL alphabet, no padding; it names the first byte it cannot read.
        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_'))
            {
                throw Invalid($"illegal base64 data at input byte {i}");
            }
        }

        if (text.Length % 4 == 1)
        {
            throw Invalid($"illegal base64 data at input byte {text.Length - 1}");
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    private static ApiException Invalid(string why) => ApiException.BadRequest($"invalid continue token: continue key is not valid: {why}");
}
