using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// "Mon carnet"'s day (on every dashboard) finds the day's sessions and the homework due through their indexes: read
/// by the établissement alone, it went through the établissement's whole year of carnet on every opening.
/// </summary>
[Trait("Database", "SqliteOnly")] // the plan checked is SQLite's; the day's content is checked on both databases
public sealed class LogbookDayPlanTests : IAsyncLifetime
{
    private readonly CommandCounter _commands = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_commands));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task ADaysRead_FindsTheDayAndTheHomeworkDue_EachThroughItsIndex()
    {
        var monday = new DateOnly(2026, 11, 23);
        var student = new CurrentUser(_f.StudentA.Id, _f.StudentA.FirstName, _f.A.Id, Profile.None);
        _commands.Reset();

        await _database.Get<LogbookService>().DayAsync(student, monday, monday.AddDays(7));

        var plans = await QueryPlans.OfAsync(_database, _commands.Texts.Where(t => t.Contains("\"SessionDate\"")));
        Assert.Contains(
            plans,
            l => l.Contains("IX_LogbookEntries_SchoolId_SessionDate (SchoolId=? AND SessionDate=?)")
        );
        Assert.Contains(plans, l => l.Contains("IX_LogbookEntries_SchoolId_HomeworkDueDate (SchoolId=? AND Homework"));
        Assert.DoesNotContain(plans, l => l.Contains("LogbookEntries") && l.EndsWith("(SchoolId=?)"));
    }
}
