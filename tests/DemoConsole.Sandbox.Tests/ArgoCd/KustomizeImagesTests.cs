using DemoConsole.Sandbox.ArgoCd;

namespace DemoConsole.Sandbox.Tests.ArgoCd;

/// <summary>
/// kustomize's reading of <c>images:</c> and <c>kustomize edit set image</c>'s writing of a tag. A short sha of digits
/// only (about one demo commit in 27) is a YAML number: written plain, kustomize refuses the file.
/// </summary>
public sealed class KustomizeImagesTests
{
    private const string Overlay = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        images:
          - name: docker.io/dvwnlee/titanium-user-service
            newTag: v2.0.2
          - name: docker.io/dvwnlee/titanium-blog-service
            newTag: v2.0.4

        """;

    [Theory]
    [InlineData("8176276", "\"8176276\"")]
    [InlineData("0123456", "\"0123456\"")]
    [InlineData("553640e6", "\"553640e6\"")]
    [InlineData("1234e56", "\"1234e56\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("a1b2c3d", "a1b2c3d")]
    [InlineData("817627e", "817627e")]
    [InlineData("v2.0.2", "v2.0.2")]
    public void SetNewTag_AnyShortSha_ReadsBackAsTheSameStringTag(string tag, string written)
    {
        var text = KustomizeImages.SetNewTag(Overlay, "docker.io/dvwnlee/titanium-user-service", tag);

        Assert.Contains($"    newTag: {written}\n", text, StringComparison.Ordinal);
        var images = KustomizeImages.Read(text);
        Assert.Equal(tag, images.Single(i => i.Name == "docker.io/dvwnlee/titanium-user-service").NewTag);
        Assert.Equal("v2.0.4", images.Single(i => i.Name == "docker.io/dvwnlee/titanium-blog-service").NewTag);
    }

    [Theory]
    [InlineData("8176276", "number")]
    [InlineData("553640e6", "number")]
    [InlineData("3.6", "number")]
    [InlineData("true", "bool")]
    public void Read_UnquotedTagThatYamlReadsAsANumber_FailsAsKustomizeBuildDoes(string plain, string goKind)
    {
        var text = Overlay.Replace("newTag: v2.0.2", $"newTag: {plain}", StringComparison.Ordinal);

        var refused = Assert.Throws<KustomizeBuildException>(() => KustomizeImages.Read(text));

        Assert.Equal($"invalid Kustomization: json: cannot unmarshal {goKind} into Go struct field Image.images.newTag of type string", refused.Message);
    }
}
