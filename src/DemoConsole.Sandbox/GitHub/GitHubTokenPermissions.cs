namespace DemoConsole.Sandbox.GitHub;

/// <summary>The fine-grained token permissions the GitHub twin checks (metadata read is implied, as on GitHub).</summary>
[Flags]
public enum GitHubTokenPermissions
{
    /// <summary>Metadata only: the repository is visible, its contents and runs are not.</summary>
    None = 0,

    /// <summary>Contents: read (files, commits, refs, branches).</summary>
    ContentsRead = 1,

    /// <summary>Contents: write (create or update files); implies read.</summary>
    ContentsWrite = 2 | ContentsRead,

    /// <summary>Actions: read (workflows, runs, jobs).</summary>
    ActionsRead = 4,

    /// <summary>What the demo needs: contents write and actions read.</summary>
    Demo = ContentsWrite | ActionsRead,
}
