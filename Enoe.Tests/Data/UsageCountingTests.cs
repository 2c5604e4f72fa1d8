using Enoe.Data;
using Enoe.Data.Bookings;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Each event adds one to its figure, in its établissement, on its day in Paris; sign-ins once a day.
/// </summary>
public sealed class UsageCountingTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private UsageCounter Counter => _database.Get<UsageCounter>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>The figure of a school on a day (0 when nothing was counted).</summary>
    internal static async Task<int> CountAsync(TestDatabase database, int schoolId, DateOnly day, string metric)
    {
        await using var db = database.NewContext();
        return await db.Set<UsageCount>()
            .Where(c => c.SchoolId == schoolId && c.Day == day && c.Metric == metric)
            .Select(c => c.Count)
            .SingleOrDefaultAsync();
    }

    private Task<int> CountAsync(int schoolId, DateOnly day, string metric) =>
        CountAsync(_database, schoolId, day, metric);

    private async Task SendAsync(MemoAddress to)
    {
        var sent = await _database
            .Get<MemoService>()
            .SendAsync(
                TwoSchools.As(_f.StaffA, _f.A),
                new MemoDraft
                {
                    To = [to],
                    Subject = "Sortie",
                    Body = "Départ à 8 h.",
                },
                []
            );
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
    }

    [Fact]
    public async Task SendingAMemo_CountsOneMemoSent_InTheSendersSchool_OnTheDayInParis()
    {
        // 23:30 UTC on 20 November is already the 21st in Paris.
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero));
        var paris = new DateOnly(2026, 11, 21);

        await SendAsync(new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "ParentA"));
        await SendAsync(new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents"));

        Assert.Equal(2, await CountAsync(_f.A.Id, paris, UsageMetric.MemosSent)); // one per sending, not per copy
        Assert.Equal(0, await CountAsync(_f.A.Id, paris.AddDays(-1), UsageMetric.MemosSent));
        Assert.Equal(0, await CountAsync(_f.B.Id, paris, UsageMetric.MemosSent));
    }

    [Fact]
    public async Task ABooking_CountsOnce_AndABookingRefusedCountsNothing()
    {
        int room;
        await using (var db = _database.NewContext())
        {
            var resource = new BookableResource
            {
                SchoolId = _f.A.Id,
                Category = new ResourceCategory { SchoolId = _f.A.Id, Name = "Salles" },
                Name = "Salle 12",
            };
            db.Add(resource);
            await db.SaveChangesAsync();
            room = resource.Id;
        }
        var bookings = _database.Get<BookingService>();
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var request = new BookingRequest(room, new DateOnly(2026, 11, 23), new(10, 0), new(11, 0));

        Assert.True((await bookings.BookAsync(teacher, request)).Succeeded);
        Assert.False((await bookings.BookAsync(teacher, request)).Succeeded); // taken

        Assert.Equal(1, await CountAsync(_f.A.Id, new DateOnly(2026, 11, 20), UsageMetric.BookingsMade));
    }

    [Fact]
    public async Task SigningInTwiceTheSameDay_CountsOnce_UnderEachProfile_AndAgainTheNextDay()
    {
        await using (var db = _database.NewContext())
            await db
                .Memberships.Where(m => m.PersonId == _f.TeacherA.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Profiles, Profile.Teacher | Profile.Parent));
        var friday = new DateOnly(2026, 11, 20);

        await Counter.SignedInAsync(_f.TeacherA.Id, _f.A.Id);
        await Counter.SignedInAsync(_f.TeacherA.Id, _f.A.Id);
        await Counter.SignedInAsync(_f.StudentA.Id, null); // their first établissement

        Assert.Equal(2, await CountAsync(_f.A.Id, friday, UsageMetric.People));
        Assert.Equal(1, await CountAsync(_f.A.Id, friday, UsageMetric.Teachers));
        Assert.Equal(1, await CountAsync(_f.A.Id, friday, UsageMetric.Parents));
        Assert.Equal(1, await CountAsync(_f.A.Id, friday, UsageMetric.Students));
        Assert.Equal(0, await CountAsync(_f.A.Id, friday, UsageMetric.Staff));

        _database.Clock.Advance(TimeSpan.FromDays(1));
        await Counter.SignedInAsync(_f.TeacherA.Id, _f.A.Id);

        Assert.Equal(1, await CountAsync(_f.A.Id, friday.AddDays(1), UsageMetric.Teachers));
        Assert.Equal(1, await CountAsync(_f.A.Id, friday, UsageMetric.Teachers));
    }

    [Fact]
    public async Task ASignInToASchoolTheyDoNotBelongTo_CountsInTheirOwn()
    {
        await Counter.SignedInAsync(_f.StaffB.Id, _f.A.Id);

        Assert.Equal(0, await CountAsync(_f.A.Id, new DateOnly(2026, 11, 20), UsageMetric.People));
        Assert.Equal(1, await CountAsync(_f.B.Id, new DateOnly(2026, 11, 20), UsageMetric.Staff));
    }

    [Fact]
    public async Task SignInsAtOnce_CountThePersonOnce_AndHandOffsAtOnce_LoseNone()
    {
        await Race.AtOnceAsync(12, async _ => await CountedAsync(() => Counter.SignedInAsync(_f.ParentA.Id, _f.A.Id)));
        await Race.AtOnceAsync(20, async _ => await CountedAsync(() => Counter.HandedOffAsync(_f.A.Id)));

        var friday = new DateOnly(2026, 11, 20);
        Assert.Equal(1, await CountAsync(_f.A.Id, friday, UsageMetric.Parents));
        Assert.Equal(20, await CountAsync(_f.A.Id, friday, UsageMetric.SsoHandOffs));
    }

    [Fact]
    public async Task ASaveThatFails_CountsNothing_AndTheNextOneCountsInItsOwnTransaction()
    {
        await using var db = _database.NewContext();
        db.Add(new Memo { SchoolId = _f.A.Id, SenderId = 999_999 }); // nobody: the foreign key refuses it

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Null(db.Database.CurrentTransaction); // the one begun for the counts ended with the failure
        Assert.Equal(0, await CountAsync(_f.A.Id, new DateOnly(2026, 11, 20), UsageMetric.MemosSent));

        db.ChangeTracker.Clear();
        db.Add(new Memo { SchoolId = _f.A.Id, SenderId = _f.StaffA.Id });
        await db.SaveChangesAsync();
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(1, await CountAsync(_f.A.Id, new DateOnly(2026, 11, 20), UsageMetric.MemosSent));
    }

    private static async Task<bool> CountedAsync(Func<Task> call)
    {
        await call();
        return true;
    }
}
