using DemoConsole.Core.Cluster.Actions;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Cluster.Actions;

public sealed class KillLedgerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly KillLedger _ledger;

    public KillLedgerTests() => _ledger = new KillLedger(new ClusterActionOptions { MinimumKillInterval = TimeSpan.FromSeconds(30) }, _time);

    [Fact]
    public void TryRecord_WithinInterval_RefusesWithTheWait()
    {
        Assert.Null(_ledger.TryRecord());
        _time.Advance(TimeSpan.FromSeconds(12));

        var refusal = _ledger.TryRecord();

        Assert.Equal("The previous pod was deleted 12 s ago: wait 18 s more (minimum interval 30 s).", refusal?.ToString());
        Assert.Equal(refusal, _ledger.Check());
    }

    [Fact]
    public void TryRecord_AfterInterval_AllowsAndRestartsTheClock()
    {
        Assert.Null(_ledger.TryRecord());
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(_ledger.TryRecord());
        Assert.Equal("The previous pod was deleted 0 s ago: wait 30 s more (minimum interval 30 s).", _ledger.Check()?.ToString());
    }
}
