using Enoe.Data.Common;
using Enoe.Data.Schools;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed class TimeSlotTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private SchoolSettingsService Settings => _database.Get<SchoolSettingsService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task ASchool_StartsWithTheUsualDay_AndItsAdminSetsItsOwn()
    {
        Assert.Equal(
            ["M1", "M2", "M3", "M4", "S1", "S2", "S3", "S4"],
            (await Settings.SlotsAsync(_f.A.Id)).Select(s => s.Code)
        );
        SlotView[] day = [new("m1", new(8, 10), new(9, 5)), new("S1", new(13, 45), new(14, 40))];

        Assert.Equal(ResultKind.Forbidden, (await Settings.SaveSlotsAsync(TwoSchools.As(_f.TeacherA, _f.A), day)).Kind);
        Assert.True((await Settings.SaveSlotsAsync(TwoSchools.As(_f.AdminA, _f.A), day)).Succeeded);

        Assert.Equal(
            [new SlotView("M1", new(8, 10), new(9, 5)), new SlotView("S1", new(13, 45), new(14, 40))],
            await Settings.SlotsAsync(_f.A.Id)
        );
        Assert.Equal(8, (await Settings.SlotsAsync(_f.B.Id)).Count); // the other school keeps its own
    }

    [Fact]
    public async Task OverlappingOrUnnamedSlots_AreRefused_AndTheDayIsUnchanged()
    {
        var admin = TwoSchools.As(_f.AdminA, _f.A);
        var overlapping = await Settings.SaveSlotsAsync(
            admin,
            [new("M1", new(8, 0), new(9, 0)), new("M2", new(8, 30), new(9, 30))]
        );
        var unnamed = await Settings.SaveSlotsAsync(admin, [new(" ", new(8, 0), new(9, 0))]);
        var backwards = await Settings.SaveSlotsAsync(admin, [new("M1", new(9, 0), new(8, 0))]);
        var twice = await Settings.SaveSlotsAsync(
            admin,
            [new("M1", new(8, 0), new(9, 0)), new("m1", new(10, 0), new(11, 0))]
        );

        Assert.Contains("Les créneaux M1 et M2 se chevauchent.", overlapping.Errors);
        Assert.Contains("nom court", unnamed.Errors[0]);
        Assert.Contains("Le créneau M1 doit finir après son début.", backwards.Errors);
        Assert.Contains("Deux créneaux portent le même nom.", twice.Errors);
        Assert.Equal(TimeSlots.Defaults, await Settings.SlotsAsync(_f.A.Id));
    }
}
