using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Protobuf;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using Google.Protobuf;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// Protobuf bodies written here field by field (the envelope, runtime.Unknown, the typed message): unknown fields
/// skipped, kinds the sandbox cannot read refused with 415, broken bodies with 400.
/// </summary>
public sealed class ProtobufBodyTests
{
    [Fact]
    public void Namespace_WithAnUnknownField_ReadsTheKnownOnes()
    {
        var meta = Message(w => { w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString("extra-ns"); Labels(w, 11, "team", "demo"); });
        var ns = Message(w =>
        {
            Nested(w, 1, meta);
            w.WriteTag(99, WireFormat.WireType.Varint);
            w.WriteInt64(7);
        });

        var json = ProtobufBody.Read(Envelope("v1", "Namespace", ns));

        Assert.Equal("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"extra-ns","labels":{"team":"demo"}}}""", json.ToJsonString());
    }

    [Fact]
    public void IntOrStringAndQuantityAndTime_BecomeTheirJsonForms()
    {
        var port = Message(w =>
        {
            w.WriteTag(3, WireFormat.WireType.Varint);
            w.WriteInt32(443);
            Nested(w, 4, Message(t => { t.WriteTag(1, WireFormat.WireType.Varint); t.WriteInt64(1); t.WriteTag(3, WireFormat.WireType.LengthDelimited); t.WriteString("https"); }));
        });
        var meta = Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited);
            w.WriteString("svc");
            Nested(w, 8, Message(t => { t.WriteTag(1, WireFormat.WireType.Varint); t.WriteInt64(1_700_000_000); }));
        });
        var service = Message(w => { Nested(w, 1, meta); Nested(w, 2, Message(s => Nested(s, 1, port))); });

        var json = ProtobufBody.Read(Envelope("v1", "Service", service));

        Assert.Equal("2023-11-14T22:13:20Z", (string?)json["metadata"]!["creationTimestamp"]);
        Assert.Equal("https", (string?)json["spec"]!["ports"]![0]!["targetPort"]);
        Assert.Equal(443, (int)json["spec"]!["ports"]![0]!["port"]!);
    }

    [Fact]
    public void UnsupportedKind_Is415NamingTheKindsItReads()
    {
        var error = Assert.Throws<ApiException>(() => ProtobufBody.Read(Envelope("v1", "Pod", Message(_ => { }))));

        Assert.Equal(415, error.Code);
        Assert.Equal("UnsupportedMediaType", error.Reason);
        Assert.Equal(
            "the Demo Console sandbox reads protobuf bodies only for ClusterRole, ClusterRoleBinding, ConfigMap, Deployment, Namespace, Role, RoleBinding, Secret, SelfSubjectAccessReview, Service, ServiceAccount, TokenRequest, without a content encoding; it cannot read v1 Pod as application/vnd.kubernetes.protobuf: send it as application/json",
            error.Message);
    }

    [Fact]
    public void MissingEnvelope_Is400()
    {
        var error = Assert.Throws<ApiException>(() => ProtobufBody.Read("{\"kind\":\"Namespace\"}"u8.ToArray()));

        Assert.Equal(400, error.Code);
        Assert.Contains("k8s\\0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedMessage_Is400()
    {
        var body = Envelope("v1", "Namespace", Message(w => Nested(w, 1, Message(m => { m.WriteTag(1, WireFormat.WireType.LengthDelimited); m.WriteString("cut"); }))));

        // The last four bytes: the empty contentEncoding and the end of the raw object.
        var error = Assert.Throws<ApiException>(() => ProtobufBody.Read(body[..^4]));

        Assert.Equal(400, error.Code);
        Assert.StartsWith("the body of the request could not be decoded: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongWireType_Is400NamingTheField()
    {
        var body = Envelope("v1", "ConfigMap", Message(w => { w.WriteTag(4, WireFormat.WireType.LengthDelimited); w.WriteString("yes"); }));

        var error = Assert.Throws<ApiException>(() => ProtobufBody.Read(body));

        Assert.Equal(400, error.Code);
        Assert.Contains("ConfigMap.immutable (field 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedKind_OverHttp_Is415Status()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        using var content = new ByteArrayContent(Envelope("v1", "Pod", Message(_ => { })));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");

        using var response = await http.PostAsync("/api/v1/namespaces/default/pods", content);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", (string?)status["reason"]);
        Assert.Equal(415, (int)status["code"]!);
    }

    private static byte[] Envelope(string apiVersion, string kind, byte[] raw)
    {
        var typeMeta = Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited);
            w.WriteString(apiVersion);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited);
            w.WriteString(kind);
        });
        var unknown = Message(w =>
        {
            Nested(w, 1, typeMeta);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(ByteString.CopyFrom(raw));
            w.WriteTag(3, WireFormat.WireType.LengthDelimited);
            w.WriteString("");
        });
        return [.. "k8s\0"u8.ToArray(), .. unknown];
    }

    private static void Labels(CodedOutputStream w, int field, string key, string value) =>
        Nested(w, field, Message(e =>
        {
            e.WriteTag(1, WireFormat.WireType.LengthDelimited);
            e.WriteString(key);
            e.WriteTag(2, WireFormat.WireType.LengthDelimited);
            e.WriteString(value);
        }));

    private static void Nested(CodedOutputStream w, int field, byte[] message)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }
}
