using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;
using Google.Protobuf;

namespace DemoConsole.Sandbox.Api.Protobuf;

/// <summary>
/// Reads one Kubernetes message from the protobuf wire format into the JSON the API server would print for the same
/// Go object: zero values of omitempty fields dropped, empty nested structs kept as {}, Time as RFC 3339,
/// Quantity as its string, IntOrString as a number or a string, maps as objects, bytes as base64.
/// </summary>
internal static class ProtoJsonReader
{
    public static JsonObject Read(ByteString bytes, ProtoMessage message)
    {
        var result = new JsonObject();
        ReadInto(result, bytes, message);
        return result;
    }

    private static void ReadInto(JsonObject result, ByteString bytes, ProtoMessage message)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!message.Fields.TryGetValue(WireFormat.GetTagFieldNumber(tag), out var field))
            {
                input.SkipLastField();
                continue;
            }

            var expected = field.Kind is ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Bool ? WireFormat.WireType.Varint : WireFormat.WireType.LengthDelimited;
            if (WireFormat.GetTagWireType(tag) != expected)
            {
                throw ApiException.BadRequest($"the body of the request could not be decoded: {message.Name}.{field.Name} (field {field.Number}) has wire type {WireFormat.GetTagWireType(tag)}, expected {expected}");
            }

            ReadField(result, input, field);
        }
    }

    private static void ReadField(JsonObject result, CodedInputStream input, ProtoField field)
    {
        switch (field.Kind)
        {
            case ProtoKind.String:
                Put(result, field, input.ReadString(), isZero: false);
                break;
            case ProtoKind.Bytes:
                Put(result, field, input.ReadBytes().ToBase64(), isZero: false);
                break;
            case ProtoKind.Int32:
                var i = input.ReadInt32();
                Put(result, field, i, i == 0);
                break;
            case ProtoKind.Int64:
                var l = input.ReadInt64();
                Put(result, field, l, l == 0);
                break;
            case ProtoKind.Bool:
                var b = input.ReadBool();
                Put(result, field, b, !b);
                break;
            case ProtoKind.Message when field.Inline:
                ReadInto(result, input.ReadBytes(), field.Message!);
                break;
            case ProtoKind.Message:
                Put(result, field, Read(input.ReadBytes(), field.Message!), isZero: false);
                break;
            case ProtoKind.Time:
                if (Time(input.ReadBytes()) is string time)
                {
                    result[field.Name] = time;
                }

                break;
            case ProtoKind.Quantity:
                Put(result, field, QuantityText(input.ReadBytes()), isZero: false);
                break;
            case ProtoKind.IntOrString:
                result[field.Name] = IntOrString(input.ReadBytes());
                break;
            default:
                var (key, value) = MapEntry(input.ReadBytes(), field.Kind);
                var map = result[field.Name] as JsonObject ?? [];
                map[key] = value;
                result[field.Name] = map;
                break;
        }
    }

    /// <summary>A scalar or a message: repeated fields append; a zero value is dropped unless the field keeps it.</summary>
    private static void Put(JsonObject result, ProtoField field, JsonNode value, bool isZero)
    {
        if (field.Repeated)
        {
            var list = result[field.Name] as JsonArray ?? [];
            list.Add(value);
            result[field.Name] = list;
            return;
        }

        var empty = isZero || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);
        if (!empty || field.KeepZero)
        {
            result[field.Name] = value;
        }
    }

    /// <summary>meta/v1 Time {seconds = 1, nanos = 2}; the zero time is JSON null, which an omitted field already is.</summary>
    private static string? Time(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        long seconds = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                seconds = input.ReadInt64();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return seconds == 0 ? null : Rfc3339.Format(DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>resource.Quantity {string = 1}.</summary>
    private static string QuantityText(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var text = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                text = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return text;
    }

    /// <summary>intstr.IntOrString {type = 1 (0 int, 1 string), intVal = 2, strVal = 3}.</summary>
    private static JsonValue IntOrString(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        long type = 0;
        var number = 0;
        var text = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.Varint):
                    type = input.ReadInt64();
                    break;
                case (2, WireFormat.WireType.Varint):
                    number = input.ReadInt32();
                    break;
                case (3, WireFormat.WireType.LengthDelimited):
                    text = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return type == 1 ? JsonValue.Create(text) : JsonValue.Create(number);
    }

    /// <summary>A map entry {key = 1, value = 2}; the value is a string, bytes (base64) or a Quantity.</summary>
    private static (string Key, JsonNode Value) MapEntry(ByteString bytes, ProtoKind kind)
    {
        var input = bytes.CreateCodedInput();
        var key = "";
        JsonNode value = kind == ProtoKind.QuantityMap ? "0" : "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    key = input.ReadString();
                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    value = kind switch
                    {
                        ProtoKind.BytesMap => input.ReadBytes().ToBase64(),
                        ProtoKind.QuantityMap => QuantityText(input.ReadBytes()),
                        _ => input.ReadString(),
                    };
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (key, value);
    }
}
