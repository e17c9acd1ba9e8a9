using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;

namespace DemoConsole.Sandbox.Tests;

public sealed class SelectorTests
{
    private static readonly JsonNode Pod = JsonNode.Parse("""
        {"metadata":{"name":"p","labels":{"app":"api-gateway","app.kubernetes.io/name":"titanium","tier":"web"}},
         "status":{"phase":"Running"},"involvedObject":{"uid":"a,b"}}
        """)!;

    [Theory]
    [InlineData("app.kubernetes.io/name=titanium,app=api-gateway", true)]
    [InlineData("app==api-gateway", true)]
    [InlineData("app!=api-gateway", false)]
    [InlineData("app in (blog-service, api-gateway)", true)]
    [InlineData("app notin (api-gateway)", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app=blog-service", false)]
    [InlineData("", true)]
    public void LabelSelectorMatches_Expression_FollowsKubernetesSemantics(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Pod));

    [Theory]
    [InlineData("metadata.name=p", true)]
    [InlineData("metadata.name=p,status.phase=Running", true)]
    [InlineData("status.phase!=Running", false)]
    [InlineData("metadata.name==q", false)]
    [InlineData(@"involvedObject.uid=a\,b", true)]
    public void FieldSelectorMatches_Expression_ReadsTheObjectPath(string selector, bool expected) =>
        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(Pod));

    [Fact]
    public void FieldSelectorParse_NoOperator_IsBadRequest() =>
        Assert.Equal(400, Assert.Throws<Store.ApiException>(() => FieldSelector.Parse("metadata.name")).Code);
}
