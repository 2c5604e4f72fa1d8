using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Support;

/// <summary>
/// TeacherA teaches in college-a and college-b (<see cref="TeacherInTwoSchools"/>): signed into A, they send ids of
/// B's data. The établissement of the data must decide whether its service runs, not the session's.
/// </summary>
public abstract class DataSchoolGateTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected TwoSchools F { get; private set; } = default!;
    protected TeacherInTwoSchools Two { get; private set; } = default!;
    protected CurrentUser InA => Two.InA;
    protected CurrentUser InB => Two.InB;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        F = await TwoSchools.CreateAsync(Database);
        Two = await TeacherInTwoSchools.CreateAsync(Database, F);
    }

    public Task DisposeAsync() => Database.DisposeAsync().AsTask();

    protected T Get<T>()
        where T : notnull => Database.Get<T>();

    protected async Task SwitchAsync(int schoolId, EntService service, bool on)
    {
        await using var db = Database.NewContext();
        await db.SwitchAsync(schoolId, service, on);
        await Database.Get<ServiceAccess>().ChangedAsync(schoolId);
    }

    protected async Task ArchiveBAsync()
    {
        await using var db = Database.NewContext();
        var now = Database.Clock.GetUtcNow().UtcDateTime;
        await db.Schools.Where(s => s.Id == F.B.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, now));
        await Database.Get<ServiceAccess>().ChangedAsync(F.B.Id);
    }

    /// <summary>The gate's refusal (switched off, archived), not the service's own "not yours".</summary>
    protected static void Refused(Result result) =>
        Assert.True(ServiceAccess.IsGateRefusal(result), result.Kind + ": " + string.Join(" ", result.Errors));
}
