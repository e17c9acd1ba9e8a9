using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;
using Google.Protobuf;

namespace DemoConsole.Sandbox.Api.Protobuf;

/// <summary>
/// A request body in Kubernetes' protobuf encoding (application/vnd.kubernetes.protobuf), as kubectl's create
/// generators send built-in kinds: the magic "k8s\0", then a runtime.Unknown {typeMeta = 1 {apiVersion = 1,
/// kind = 2}, raw = 2, contentEncoding = 3, contentType = 4} whose raw bytes are the typed object. Read into the
/// same JSON the sandbox stores for a JSON body.
/// </summary>
internal static class ProtobufBody
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase);

    public static JsonObject Read(byte[] body)
    {
        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw ApiException.BadRequest("the body of the request could not be decoded: a protobuf body must start with the Kubernetes envelope \"k8s\\0\"");
        }

        try
        {
            var (apiVersion, kind, raw, encoding) = Envelope(ByteString.CopyFrom(body, Magic.Length, body.Length - Magic.Length));
            if (encoding.Length > 0 || !KubernetesMessages.ByKind.TryGetValue((apiVersion, kind), out var message))
            {
                throw Unsupported(apiVersion, kind, encoding);
            }

            var typed = ProtoJsonReader.Read(raw, message);
            var result = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion };
            foreach (var (key, value) in typed.ToList())
            {
                typed.Remove(key);
                result[key] = value;
            }

            return result;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded: {e.Message}");
        }
    }

    private static (string ApiVersion, string Kind, ByteString Raw, string Encoding) Envelope(ByteString unknown)
    {
        var input = unknown.CreateCodedInput();
        string apiVersion = "", kind = "", encoding = "";
        var raw = ByteString.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    (apiVersion, kind) = TypeMeta(input.ReadBytes());
                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    raw = input.ReadBytes();
                    break;
                case (3, WireFormat.WireType.LengthDelimited):
                    encoding = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (apiVersion, kind, raw, encoding);
    }

    private static (string ApiVersion, string Kind) TypeMeta(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string apiVersion = "", kind = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    apiVersion = input.ReadString();
                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    kind = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (apiVersion, kind);
    }

    private static ApiException Unsupported(string apiVersion, string kind, string encoding)
    {
        var kinds = string.Join(", ", KubernetesMessages.ByKind.Keys.Select(k => k.Kind).Order(StringComparer.Ordinal));
        var what = encoding.Length > 0 ? $"content encoding \"{encoding}\"" : $"{apiVersion} {kind}";
        return new ApiException(415, "UnsupportedMediaType",
            $"the Demo Console sandbox reads protobuf bodies only for {kinds}, without a content encoding; it cannot read {what} as {ContentType}: send it as application/json");
    }
}
