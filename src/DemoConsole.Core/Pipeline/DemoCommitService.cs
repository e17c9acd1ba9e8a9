using System.Globalization;
using DemoConsole.Core.Messages;
using Octokit;

namespace DemoConsole.Core.Pipeline;

/// <summary>Octokit implementation of <see cref="IDemoCommitService"/>.</summary>
public sealed class DemoCommitService(GitHubConnection connection, TimeProvider time) : IDemoCommitService
{
    private const int MaxAttempts = 2;

    public UiMessage? UnavailableReason => connection.UnavailableReason;

    public async Task<DemoCommitResult> CommitAsync(DemoCommitRequest request, CancellationToken cancellationToken = default)
    {
        var target = request.Target;
        if (connection.UnavailableReason is { } reason)
        {
            return Failed(request, 0, new GitHubProblem(GitHubProblemKind.NotConfigured, reason));
        }

        var client = connection.Client;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RepositoryContent file;
            try
            {
                // Octokit's contents calls take no token; a demo commit is two quick calls, cancellation applies between them.
                var contents = await client.Repository.Content.GetAllContentsByRef(target.Owner, target.Name, target.Path, target.Branch);
                if (contents.Count != 1 || contents[0].Type.Value != ContentType.File)
                {
                    return Failed(request, attempt, new GitHubProblem(GitHubProblemKind.Invalid, new UiMessage("Pipeline_NotAFile", target.Path, target.FullName, target.Branch)));
                }

                file = contents[0];
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Failed(request, attempt, GitHubErrors.Describe(e, new UiMessage("Pipeline_WhatReadFile", target.Path, target.FullName, target.Branch), time));
            }

            var line = "# Demo commit - " + time.GetUtcNow().ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
            var text = file.Content ?? "";
            var updated = (text.Length == 0 || text.EndsWith('\n') ? text : text + "\n") + line + "\n";
            try
            {
                var change = await client.Repository.Content.UpdateFile(target.Owner, target.Name, target.Path,
                    new UpdateFileRequest(request.Message, updated, file.Sha, target.Branch));
                return new DemoCommitResult(target, request.Message, change.Commit.Sha, connection.WebUrl($"{target.FullName}/commit/{change.Commit.Sha}"), line,
                    change.Commit.Committer?.Date ?? time.GetUtcNow(), attempt, null);
            }
            catch (Exception e) when (GitHubErrors.IsStaleSha(e) && attempt < MaxAttempts)
            {
                // Someone pushed to the file between our read and write: read it again and commit once more.
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Failed(request, attempt, GitHubErrors.Describe(e, new UiMessage("Pipeline_WhatCommitFile", target.Path, target.FullName, target.Branch), time));
            }
        }
    }

    private static DemoCommitResult Failed(DemoCommitRequest request, int attempts, GitHubProblem problem) =>
        new(request.Target, request.Message, null, null, null, null, attempts, problem);
}
