using System.Reflection;
using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>
/// The default scenario's repository, DvwN-Lee/Monitoring-v2, from the real files under GitHub/Seed (services,
/// the demo file, the kustomize overlay with image tags, the CI and CD workflows), committed weeks ago.
/// </summary>
internal static class RepositorySeed
{
    public const string ResourcePrefix = "github-seed/";
    public const string Owner = "DvwN-Lee";
    public const string Name = "Monitoring-v2";
    public const string Branch = "main";
    public const long RepositoryId = 812_345_678;

    public static GitRepository Create(DateTimeOffset now)
    {
        var repository = new GitRepository(RepositoryId, Owner, Name, Branch, now - TimeSpan.FromDays(41));
        var author = new GitSignature("DvwN-Lee", "dvwn.lee@users.noreply.github.com", now - TimeSpan.FromDays(3));
        repository.Seed(Branch, Files(), "feat: Titanium v2 platform with CI/CD, Istio and monitoring", author);
        return repository;
    }

    private static Dictionary<string, string> Files()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            path = path.StartsWith("dot-github/", StringComparison.Ordinal) ? ".github/" + path["dot-github/".Length..] : path;
            files[path] = reader.ReadToEnd();
        }

        return files;
    }
}
