using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>The seed's "echo '# Demo commit - $(date)' >> file; git commit; git push", through GitHub's contents API.</summary>
public interface IDemoCommitService
{
    /// <summary>Why commits cannot be made now (no token, bad URL), or null.</summary>
    UiMessage? UnavailableReason { get; }

    /// <summary>
    /// Reads the file on the branch, appends <c># Demo commit - &lt;date&gt;</c>, and commits it with the message on exactly
    /// that repository, branch and path. A stale sha is read again and committed once more; every other failure is a
    /// <see cref="GitHubProblem"/> on the result. Never throws for GitHub errors.
    /// </summary>
    Task<DemoCommitResult> CommitAsync(DemoCommitRequest request, CancellationToken cancellationToken = default);
}
