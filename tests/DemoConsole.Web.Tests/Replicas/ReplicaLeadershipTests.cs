using DemoConsole.Tests.Shared;
using DemoConsole.Web.Replicas;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// <see cref="ReplicaLeadership"/> around an election (here one the test drives): what the election decides is what
/// <see cref="ReplicaLeadership.IsLeader"/> and <see cref="ReplicaLeadership.Changed"/> say, and neither a failing election
/// nor a failing listener stops the console.
/// </summary>
public sealed class ReplicaLeadershipTests
{
    // Never connected: the replica's name is all these tests use of it.
    private readonly RedisReplicaConnection _redis = new("127.0.0.1:1", NullLogger<RedisReplicaConnection>.Instance);

    [Fact]
    public async Task ElectionThatFails_IsJoinedAgain_AndThenLeads()
    {
        var election = new DrivenElection { FailFirstRun = true };
        var leadership = new ReplicaLeadership(_redis, TimeProvider.System, NullLogger<ReplicaLeadership>.Instance, election);

        await leadership.StartAsync(CancellationToken.None);
        await AsyncWait.UntilAsync(() => election.Runs == 2, "the election to be joined again");
        await election.DecideAsync(true);

        Assert.True(leadership.IsLeader);
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AFailingListener_DoesNotKeepTheOthersFromHearing()
    {
        var election = new DrivenElection();
        var leadership = new ReplicaLeadership(_redis, TimeProvider.System, NullLogger<ReplicaLeadership>.Instance, election);
        var heard = new List<bool>();
        leadership.Changed += _ => throw new InvalidOperationException("a listener's bug");
        leadership.Changed += leads =>
        {
            heard.Add(leads);
            return Task.CompletedTask;
        };

        await leadership.StartAsync(CancellationToken.None);
        await AsyncWait.UntilAsync(() => election.Runs == 1, "the election to start");
        await election.DecideAsync(true);
        await election.DecideAsync(false);

        Assert.Equal([true, false], heard);
        Assert.False(leadership.IsLeader);
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CleanStop_GivesTheLeadBackAndFollows()
    {
        var election = new DrivenElection();
        var leadership = new ReplicaLeadership(_redis, TimeProvider.System, NullLogger<ReplicaLeadership>.Instance, election);
        var heard = new List<bool>();
        leadership.Changed += leads =>
        {
            heard.Add(leads);
            return Task.CompletedTask;
        };
        await leadership.StartAsync(CancellationToken.None);
        await AsyncWait.UntilAsync(() => election.Runs == 1, "the election to start");
        await election.DecideAsync(true);

        await leadership.StopAsync(CancellationToken.None);

        Assert.True(election.Released);
        Assert.False(leadership.IsLeader);
        Assert.Equal([true, false], heard);
        Assert.Equal("replica-x", await leadership.CurrentLeaderAsync());
    }

    /// <summary>An election whose outcome the test decides; its first run may fail as a bug would.</summary>
    private sealed class DrivenElection : ILeaderElection
    {
        private Func<bool, Task>? _leads;
        private int _runs;

        public bool FailFirstRun { get; init; }

        public int Runs => Volatile.Read(ref _runs);

        public bool Released { get; private set; }

        public string Description => "driven election";

        public string? Problem => null;

        public async Task RunAsync(Func<bool, Task> leads, CancellationToken stoppingToken)
        {
            // Ready to be decided before the test can see this run.
            _leads = leads;
            if (Interlocked.Increment(ref _runs) == 1 && FailFirstRun)
            {
                throw new InvalidOperationException("an election's bug");
            }

            // An election runs until it is stopped.
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (stoppingToken.Register(() => stopped.TrySetCanceled(stoppingToken)))
            {
                await stopped.Task;
            }
        }

        public Task DecideAsync(bool leads) => _leads!(leads);

        public Task<string?> CurrentLeaderAsync() => Task.FromResult<string?>("replica-x");

        public Task ReleaseAsync()
        {
            Released = true;
            return Task.CompletedTask;
        }
    }
}
