namespace DemoConsole.Core.Pipeline;

/// <summary>Checks, without writing anything, that the configured token can do what the demo commit and the follower need.</summary>
public interface IRepositoryAccessCheck
{
    /// <summary>Token configured, repository, branch and file readable, push permission, Actions readable. Never throws for GitHub errors.</summary>
    Task<RepositoryAccessReport> CheckAsync(RepositoryTarget target, CancellationToken cancellationToken = default);
}
