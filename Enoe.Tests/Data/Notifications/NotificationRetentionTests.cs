using Enoe.Data.Notifications;
using Enoe.Data.Privacy;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.Notifications;

/// <summary>
/// The nightly retention pass deletes notifications read over a year ago and those never read in two years, a batch at
/// a time; the dry run counts them and deletes nothing.
/// </summary>
public sealed class NotificationRetentionTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private DateTime Now => _database.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        // Batches of two: five old notifications take three statements.
        _database = await TestDatabase.CreateAsync(configure: s => s.Configure<PrivacyOptions>(o => o.DeleteBatch = 2));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private Notification Made(string title, int monthsAgo, bool read) =>
        new()
        {
            RecipientId = _f.ParentA.Id,
            SchoolId = _f.A.Id,
            ChildId = _f.StudentA.Id,
            Kind = NotificationKind.MarksPublished,
            Title = title,
            Link = "/notes",
            Source = "test:" + title,
            CreatedAt = Now.AddMonths(-monthsAgo).AddDays(-1),
            VisibleAt = Now.AddMonths(-monthsAgo).AddDays(-1),
            ReadAt = read ? Now.AddMonths(-monthsAgo) : null,
        };

    [Fact]
    public async Task ReadAfterAYear_UnreadAfterTwo_GoInBatches_TheRestStays()
    {
        await using (var db = _database.NewContext())
        {
            db.AddRange(
                Made("read 13 months ago", 13, read: true),
                Made("read 14 months ago", 14, read: true),
                Made("read 30 months ago", 30, read: true),
                Made("unread 25 months ago", 25, read: false),
                Made("unread 26 months ago", 26, read: false),
                Made("read 11 months ago", 11, read: true),
                Made("unread 13 months ago", 13, read: false),
                Made("unread 23 months ago", 23, read: false)
            );
            await db.SaveChangesAsync();
        }
        var job = _database.Get<RetentionJob>();

        Assert.Equal(5, (await job.RunAsync(dryRun: true, requestedById: null)).Notifications);
        Assert.Equal(5, (await job.RunAsync(dryRun: false, requestedById: null)).Notifications);

        await using var after = _database.NewContext();
        Assert.Equal(
            ["read 11 months ago", "unread 13 months ago", "unread 23 months ago"],
            (await after.Set<Notification>().Select(n => n.Title).ToListAsync()).Order()
        );
        Assert.Equal(0, (await job.RunAsync(dryRun: false, requestedById: null)).Notifications);
    }
}
