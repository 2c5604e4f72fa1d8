using Enoe.Data.Common;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.Notifications;

/// <summary>
/// The direction's settings of the quiet window: two first saves at once, and who reads the exceptions.
/// </summary>
public sealed class QuietHoursServiceTests : IAsyncLifetime
{
    private readonly HeldSaves _saves = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private QuietHoursService Quiet => _database.Get<QuietHoursService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_saves));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TwoFirstSavesAtOnce_OneIsSaved_TheOtherReadsAConflictInFrench()
    {
        _saves.Holding = true;
        var direction = TwoSchools.As(_f.StaffA, _f.A);
        var saves = new[] { 21, 22 }
            .Select(evening => Quiet.SaveAsync(direction, _f.A.Id, new(new(evening, 0), new(7, 0), true, false, 24)))
            .ToArray();
        await Eventually.WaitUntilAsync(() => _saves.Waiting == 2); // both read "no row yet" and add one
        _saves.Release();

        var results = await Task.WhenAll(saves);

        Assert.Single(results, r => r.Succeeded);
        var conflict = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(ResultKind.Conflict, conflict.Kind);
        Assert.Equal([NotificationMessages.Quiet_Conflict], conflict.Errors);
        Assert.StartsWith("Quelqu'un d'autre", conflict.Errors[0]);
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.Set<QuietHours>().CountAsync(q => q.SchoolId == _f.A.Id));
    }

    [Fact]
    public async Task TheExceptions_AreReadByThoseWhoEditTheWindow_Only()
    {
        var direction = TwoSchools.As(_f.StaffA, _f.A);
        var today = new DateOnly(2026, 11, 20);
        Assert.True((await Quiet.LiftAsync(direction, _f.A.Id, today, today.AddDays(2), "Voyage à Rome")).Succeeded);

        var read = await Quiet.ExceptionsAsync(direction, _f.A.Id);

        Assert.Equal("Voyage à Rome", Assert.Single(read.Value!).Days.Label);
        foreach (var (person, school) in new[] { (_f.StudentA, _f.A), (_f.ParentA, _f.A), (_f.TeacherA, _f.A) })
            Assert.Equal(
                ResultKind.Forbidden,
                (await Quiet.ExceptionsAsync(TwoSchools.As(person, school), _f.A.Id)).Kind
            );
        // The direction of another établissement, asking for this one's.
        var other = await Quiet.ExceptionsAsync(TwoSchools.As(_f.StaffB, _f.B), _f.A.Id);
        Assert.Equal(ResultKind.Forbidden, other.Kind);
        Assert.Null(other.Value);
    }
}
