using Bunit;
using Enoe.Data;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// The bell of every open tab takes its count from the delivery (a mémo's travels inside its event): a mémo to a
/// whole établissement costs the tabs no read. A delivery without counts (one the database could not count) reads it.
/// </summary>
public sealed class NotificationBellTests : SchoolComponentTest
{
    private readonly CommandCounter _counter = new();

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_counter);

    protected override Task ArrangeAsync()
    {
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true)); // it listens
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AMemoHeard_ShowsTheCountItCarries_WithNoRead()
    {
        await SendAsync("Sortie au musée");
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".enoe-badge").TextContent.Trim()));
        using var heard = new Heard<MemoSent>(Bus);
        await SendAsync("Conseil de classe");
        await Database.DeliveredAsync();
        var sent = heard.Events.Single();
        Assert.Equal(2, sent.Delivered!.UnreadOf(F.StudentA.Id));
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".enoe-badge").TextContent.Trim()));

        // The same delivery with a count of its own: shown as it is, so nothing was read to show it.
        _counter.Reset();
        var counts = new Dictionary<int, int> { [F.StudentA.Id] = 7 };
        await Bus.PublishAsync(sent with { Delivered = sent.Delivered with { Unread = counts } });
        await Database.DeliveredAsync();

        bell.WaitForAssertion(() => Assert.Equal("7", bell.Find(".enoe-badge").TextContent.Trim()));
        Assert.True(_counter.Count == 0, _counter.Log);
    }

    [Fact]
    public async Task ADeliveryWithoutCounts_ReadsTheCountOnce()
    {
        await SendAsync("Sortie au musée");
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".enoe-badge").TextContent.Trim()));
        await WriteUnannouncedAsync(); // a second one, which only a read finds
        _counter.Reset();

        await Bus.PublishAsync(new NotificationsDelivered([F.StudentA.Id], [NotificationCategory.Memos]));
        await Bus.PublishAsync(new NotificationsDelivered([F.StaffA.Id], [NotificationCategory.Memos])); // not theirs
        await Database.DeliveredAsync();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".enoe-badge").TextContent.Trim()));
        Assert.Equal(1, _counter.Count);
    }

    [Fact]
    public async Task TwoDeliveriesHeardOutOfOrder_LeaveTheCountRight_ARemovalIsBelieved()
    {
        await SendAsync("Sortie au musée");
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".enoe-badge").TextContent.Trim()));
        await WriteUnannouncedAsync();
        await WriteUnannouncedAsync(); // two more, delivered from two instances: the newer's count heard first
        _counter.Reset();

        await Bus.PublishAsync(Delivery(unread: 3));
        await Database.DeliveredAsync();
        await Bus.PublishAsync(Delivery(unread: 2)); // counted before the newer was written: it missed one
        await Database.DeliveredAsync();

        bell.WaitForAssertion(() => Assert.Equal("3", bell.Find(".enoe-badge").TextContent.Trim()));
        Assert.Equal(1, _counter.Count);
        _counter.Reset();
        await Bus.PublishAsync(Delivery(unread: 2) with { Removed = ["absence:1"] }); // one withdrawn, one added
        await Database.DeliveredAsync();
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".enoe-badge").TextContent.Trim()));
        Assert.Equal(0, _counter.Count);
    }

    /// <summary>A line for the student, with the count the sender read.</summary>
    private NotificationsDelivered Delivery(int unread) =>
        new([F.StudentA.Id], [NotificationCategory.Memos])
        {
            Unread = new Dictionary<int, int> { [F.StudentA.Id] = unread },
            Lines = [new(0, NotificationKind.MemoReceived, "…", "/", null, null, DateTime.UtcNow, false, "x")],
            LinesOf = new Dictionary<int, int[]> { [F.StudentA.Id] = [0] },
        };

    private async Task WriteUnannouncedAsync()
    {
        await using var db = await Database.Get<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync();
        var now = Database.Clock.GetUtcNow().UtcDateTime;
        NewNotification notice = new(
            F.StudentA.Id,
            F.A.Id,
            F.StudentA.Id,
            NotificationKind.MemoReceived,
            "…",
            "/",
            "x",
            now
        );
        await NotificationService.WriteAsync(db, [notice], now, default);
    }

    private IEventBus Bus => Database.Get<IEventBus>();

    private Task SendAsync(string subject) => Database.SendStaffMemoToStudentAsync(F, subject);
}
