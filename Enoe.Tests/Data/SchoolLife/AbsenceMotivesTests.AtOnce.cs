using System.Data.Common;
using Enoe.Data.Common;
using Enoe.Data.SchoolLife;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>Two people on one établissement's list at the same moment: reads and changes that overlap.</summary>
public sealed partial class AbsenceMotivesTests
{
    [Fact]
    public async Task AFirstRead_OvertakenByAnotherBetweenItsTwoQueries_StillAnswersTheWholeList()
    {
        var staffB = TwoSchools.As(_f.StaffB, _f.B);
        var overtaker = new Overtaker(() => Attendance.MotivesAsync(staffB));
        await using var other = _database.NewInstance(s => s.AddSingleton<IInterceptor>(overtaker));

        var read = await other.GetRequiredService<AttendanceService>().MotivesAsync(staffB);

        Assert.True(overtaker.Overtook);
        Assert.Equal(7, read.Value!.Count);
    }

    [Fact]
    public async Task TwoManagersWithdrawingTheLastTwoMotivesAtOnce_LeaveOne()
    {
        var motives = await MotivesAsync();
        foreach (var extra in motives.Skip(2))
            Assert.True((await Attendance.RemoveMotiveAsync(Cpe, extra.Id)).Succeeded);
        var meanwhile = new AfterTheOthersCheck(() => Attendance.RemoveMotiveAsync(Cpe, motives[0].Id));
        await using var other = _database.NewInstance(s => s.AddSingleton<IInterceptor>(meanwhile));

        var second = await other.GetRequiredService<AttendanceService>().RemoveMotiveAsync(Cpe, motives[1].Id);
        var first = await meanwhile.Removed!;

        Assert.Single(new[] { first, second }, r => r.Succeeded);
        Assert.Contains(
            "La liste doit garder au moins un motif : les familles en choisissent un pour justifier.",
            first.Errors.Concat(second.Errors)
        );
        Assert.Single(await MotivesAsync(), m => !m.Archived);
    }

    /// <summary>
    /// The other manager withdraws a motive just after this one checked that another would stay, before it writes:
    /// given a second to go through (on a thread of its own: SQLite waits for its turn without yielding).
    /// </summary>
    private sealed class AfterTheOthersCheck(Func<Task<Result>> remove) : DbCommandInterceptor
    {
        private int _reads;
        public Task<Result>? Removed { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command,
            CommandExecutedEventData eventData,
            DbDataReader result,
            CancellationToken ct = default
        )
        {
            // The second read of the motives: whether another stays.
            if (command.CommandText.Contains("\"AbsenceMotive\"") && ++_reads == 2)
            {
                Removed = Task.Run(remove, ct);
                await Task.WhenAny(Removed, Task.Delay(TimeSpan.FromSeconds(1), ct));
            }
            return result;
        }
    }

    /// <summary>
    /// Lets another first read write the default list just after this one found none, before it asks whether the
    /// list exists at all (two tabs of a new établissement opening the page at once).
    /// </summary>
    private sealed class Overtaker(Func<Task> otherRead) : DbCommandInterceptor
    {
        private int _reads;
        public bool Overtook { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken ct = default
        )
        {
            // The second read of the motives: the first found none.
            if (command.CommandText.Contains("\"AbsenceMotive\"") && ++_reads == 2)
            {
                Overtook = true;
                await otherRead();
            }
            return result;
        }
    }
}
