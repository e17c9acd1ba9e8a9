using System.Text;
using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// Argo CD's repo server for the sandbox: what <c>kustomize build</c> of an application's path at a commit yields (its
/// image overrides, all the sandbox applies), and the error text Argo CD shows when kustomize refuses the path.
/// </summary>
internal static class RepoServer
{
    /// <summary>The path's kustomize images at this commit (none without a kustomization); throws <see cref="KustomizeBuildException"/>.</summary>
    public static IReadOnlyList<KustomizeImages.Image> Images(GitCommit commit, string path) =>
        commit.Tree.GetValueOrDefault(path + "/kustomization.yaml") is { } blob
            ? KustomizeImages.Read(Encoding.UTF8.GetString(blob.Content))
            : [];

    /// <summary>Null when the path builds at this commit, otherwise the ComparisonError message Argo CD shows.</summary>
    public static string? Problem(GitCommit commit, string path)
    {
        try
        {
            _ = Images(commit, path);
            return null;
        }
        catch (KustomizeBuildException e)
        {
            return Message(path, e);
        }
    }

    public static string Message(string path, KustomizeBuildException e) =>
        $"Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = `kustomize build {path}` failed exit status 1: Error: {e.Message}";
}
