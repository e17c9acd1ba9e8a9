namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>One file's content at one commit, with its git blob sha.</summary>
internal sealed record GitBlob(string Sha, byte[] Content)
{
    public static GitBlob Of(byte[] content) => new(GitObjects.BlobSha(content), content);
}
