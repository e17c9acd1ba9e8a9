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
    [InlineData("""{"pods":[{"n":"a"},{"n":"b"},{"n":"c"},{"n":"d"},{"n":"e"}]}""", """{"pods":[{"n":"a"},{"n":"b"},{"n":"x"},{"n":"c"},{"n":"d"},{"n":"e"}]}""")]
    [InlineData("""{"pods":[{"n":"a"},{"n":"b"},{"n":"c"},{"n":"d"},{"n":"e"}]}""", """{"pods":[{"n":"a"},{"n":"c"},{"n":"d"},{"n":"e"}]}""")]
    [InlineData("""{"lines":[1,2,3,4,5,6]}""", """{"lines":[3,4,5,6,7,8]}""")]
    [InlineData("""{"lines":[1,2,3,4,5,6]}""", """{"lines":[9,8]}""")]
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

    [Fact]
    public void Create_LogTailSlidByTwoLines_WritesTheTwoNewLinesOnly()
    {
        static JsonArray Lines(int from, int to) =>
            new(Enumerable.Range(from, to - from + 1).Select(i => (JsonNode?)JsonValue.Create($"2026-12-05T09:00:0{i}Z GET /blog/ 200 12ms line {i}")).ToArray());
        var before = new JsonObject { ["lines"] = Lines(1, 6) };
        var after = new JsonObject { ["lines"] = Lines(3, 8) };

        var patch = JsonMergePatch.Create(before, after);

        Assert.Equal("""[[0,2,[]],[4,0,["2026-12-05T09:00:07Z GET /blog/ 200 12ms line 7","2026-12-05T09:00:08Z GET /blog/ 200 12ms line 8"]]]""",
            patch["lines"]![JsonMergePatch.Splices]!.ToJsonString());
    }
}
