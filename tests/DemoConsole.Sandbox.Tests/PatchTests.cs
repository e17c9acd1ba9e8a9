using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;

namespace DemoConsole.Sandbox.Tests;

public sealed class PatchTests
{
    [Fact]
    public void Apply_JsonPatchReplaceTemplate_ReplacesOnlyThatPath()
    {
        var target = JsonNode.Parse("""{"metadata":{"annotations":{"a":"1"}},"spec":{"replicas":2,"template":{"x":1}}}""")!.AsObject();
        var patch = JsonNode.Parse("""[{"op":"replace","path":"/spec/template","value":{"y":2}},{"op":"replace","path":"/metadata/annotations","value":{"b":"2"}}]""")!;

        Patches.Apply("application/json-patch+json", target, patch);

        Assert.Equal("""{"metadata":{"annotations":{"b":"2"}},"spec":{"replicas":2,"template":{"y":2}}}""", target.ToJsonString());
    }

    [Fact]
    public void Apply_StrategicMergeOnNamedList_MergesByNameAndDropsDirectives()
    {
        var target = JsonNode.Parse("""{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}""")!.AsObject();
        var patch = JsonNode.Parse("""{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"spec":{"containers":[{"name":"b","image":"b:2"}]}}""")!;

        Patches.Apply("application/strategic-merge-patch+json", target, patch);

        Assert.Equal("""{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"}]}}""", target.ToJsonString());
    }

    [Fact]
    public void Apply_MergePatchNull_RemovesTheKey()
    {
        var target = JsonNode.Parse("""{"metadata":{"labels":{"a":"1","b":"2"}}}""")!.AsObject();

        Patches.Apply("application/merge-patch+json", target, JsonNode.Parse("""{"metadata":{"labels":{"a":null}}}""")!);

        Assert.Equal("""{"metadata":{"labels":{"b":"2"}}}""", target.ToJsonString());
    }

    [Fact]
    public void Apply_UnknownContentType_Is415()
    {
        var error = Assert.Throws<Store.ApiException>(() => Patches.Apply("text/plain", [], new JsonObject()));

        Assert.Equal(415, error.Code);
    }

    [Fact]
    public void TemplateHash_TemplateAfterClientRoundTrip_IsUnchanged()
    {
        var original = JsonNode.Parse("""{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i:1"}]}}""");
        var roundTripped = JsonNode.Parse("""{"spec":{"containers":[{"image":"i:1","name":"c","resources":{}}]},"metadata":{"creationTimestamp":null,"labels":{"app":"x","pod-template-hash":"abc"}}}""");
        var changed = JsonNode.Parse("""{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i:2"}]}}""");

        Assert.Equal(TemplateHash.Compute(original), TemplateHash.Compute(roundTripped));
        Assert.NotEqual(TemplateHash.Compute(original), TemplateHash.Compute(changed));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{10}$", TemplateHash.Compute(original));
    }
}
