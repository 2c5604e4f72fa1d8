using System.Diagnostics;
using Enoe.Tests.Support;

namespace Enoe.Tests.TestServers;

/// <summary>
/// The test servers' folders say which test process owns them; a run cleaning up after crashed ones must never take
/// a live run's server for a stale one (two worktrees test at the same time on one machine).
/// </summary>
public sealed class TestServerOwnershipTests
{
    [Fact]
    public void ALiveOwner_IsRunning_EvenWhenAnotherProcessReadsItsStartTimeSlightlyOff()
    {
        var identity = PostgreSqlServer.Identity(Process.GetCurrentProcess());
        var (pid, ticks) = (identity.Split(' ')[0], long.Parse(identity.Split(' ')[1]));
        Assert.True(PostgreSqlServer.Running(identity));
        // What another process computes for the same start: a few hundred microseconds apart.
        Assert.True(PostgreSqlServer.Running($"{pid} {ticks + 4_000}"));
        Assert.True(PostgreSqlServer.Running($"{pid} {ticks - 4_000}"));
    }

    [Fact]
    public void AnotherProcessUnderTheSameId_OrNoProcess_IsNotRunning()
    {
        var identity = PostgreSqlServer.Identity(Process.GetCurrentProcess());
        var (pid, ticks) = (identity.Split(' ')[0], long.Parse(identity.Split(' ')[1]));
        Assert.False(PostgreSqlServer.Running($"{pid} {ticks - TimeSpan.TicksPerHour}"));
        Assert.False(PostgreSqlServer.Running($"{int.MaxValue - 7} {ticks}"));
        Assert.False(PostgreSqlServer.Running(""));
    }
}
