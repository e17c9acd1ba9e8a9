using DemoConsole.Core.Cluster;
using DemoConsole.Tests.Shared;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace DemoConsole.Core.Tests.Cluster;

/// <summary>Runs alone: pushing the API's history past its 4,096 entries is thousands of writes, which would slow every test beside it.</summary>
[CollectionDefinition(nameof(InformerCompactionTests), DisableParallelization = true)]
public sealed class InformerCompactionCollection;

[Collection(nameof(InformerCompactionTests))]
public sealed class InformerCompactionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SubscribeAsync_ResourceVersionCompactedWhileResuming_RelistsAfter410AndConverges()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        // Watches end every second and resume from the last resourceVersion; without bookmarks that version stays
        // the one of the last pod change, which the history forgets once enough other objects change.
        await using var informer = sandbox.Informer(ResourceSources.Pods("titanium-prod"),
            new InformerOptions { WatchTimeout = TimeSpan.FromSeconds(1), AllowBookmarks = false }, new TestOutputLogger(output));
        await AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Synced && s.Items.Count > 0, "the first list", Timeout);

        await ChurnAsync(sandbox, changes: 4200, until: () => informer.Counters.Gone > 0);
        await AsyncWait.UntilAsync(() => informer.Counters.Gone > 0, "a 410 Gone", Timeout);
        await AsyncWait.UntilAsync(() => informer.Counters.Lists >= 2, "the re-list after the 410", Timeout);
        var victim = (await ResourceInformerTests.FreshNamesAsync(sandbox)).First(ResourceInformerTests.IsBlogPod);
        await sandbox.Client.CoreV1.DeleteNamespacedPodAsync(victim, "titanium-prod", gracePeriodSeconds: 0);
        await AsyncWait.ForAsync(informer.SubscribeAsync, s => !s.Items.ContainsKey(victim), "the deleted pod to leave the cache", Timeout);
        await ResourceInformerTests.ConvergedAsync(informer, sandbox);
        Assert.Equal(ConnectionState.Connected, informer.Current.Status.State);
    }

    /// <summary>Changes one ConfigMap in another namespace many times, four writers at once, so the API's history moves on.</summary>
    private static async Task ChurnAsync(ClusterSandbox sandbox, int changes, Func<bool> until)
    {
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "churn" } }, "monitoring");
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= changes && !until())
            {
                var patch = new V1Patch(new V1ConfigMap { Data = new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                    V1Patch.PatchType.MergePatch);
                await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "churn", "monitoring");
            }
        }));
    }
}
