using System.Text.Json.Nodes;
using DemoConsole.Core.Recording;

namespace DemoConsole.Core.Tests.Recording;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":2,"d":3}}""", """{"a":1,"b":{"c":5}}""")]
    [InlineData("""{"pods":[{"name":"a","phase":"Running"},{"name":"b","phase":"Running"}]}""", """{"pods":[{"name":"a","phase":"Running"},{"name":"b","phase":"Pending"}]}""")]
    [InlineData("""{"pods":[{"name":"a"}]}""", """{"pods":[{"name":"a"},{"name":"b"}]}""")]
    [InlineData("""{"v":[1,2,3],"n":null}""", """{"v":[1,null,3],"n":4}""")]
    [InlineData("""{"v":[[1],[2]],"x":"y"}""", """{"v":[[1],[3]]}""")]
    public void Create_ThenApply_GivesTheNewDocument(string before, string after)
    {
        var old = JsonNode.Parse(before)!.AsObject();
        var target = JsonNode.Parse(after)!.AsObject();

        var patch = JsonMergePatch.Create(old, target);
        JsonMergePatch.Apply(old, JsonNode.Parse(patch.ToJsonString())!.AsObject());

        Assert.True(JsonNode.DeepEquals(target, old), $"{old.ToJsonString()} after {patch.ToJsonString()}");
    }

    [Fact]
    public void Create_OneElementOfALongListChanged_WritesThatElementOnly()
    {
        var before = new JsonObject { ["pods"] = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode?)new JsonObject { ["name"] = $"pod-{i}", ["phase"] = "Running" }).ToArray()) };
        var after = before.DeepClone().AsObject();
        after["pods"]![7]!["phase"] = "Terminating";

        var patch = JsonMergePatch.Create(before, after).ToJsonString();

        Assert.Equal("""{"pods":{"$items":{"7":{"phase":"Terminating"}}}}""", patch);
    }
}
