using Bunit;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Notifications;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// The feed widget of an open dashboard takes what a delivery carries: a mémo to a whole établissement adds its line
/// on top of every open feed without a read per tab, and the line, which has no row id, still opens and reads.
/// </summary>
public sealed class FeedWidgetTests : SchoolComponentTest
{
    private readonly CommandCounter _counter = new();

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_counter);

    [Fact]
    public async Task AMemoDelivered_GoesOnTopOfTheOpenFeed_WithNoReadOfItsOwn_AndOpens()
    {
        var student = TwoSchools.As(F.StudentA, F.A);
        await SendAsync("Sortie au musée");
        var widget = Render<FeedWidget>(p =>
            p.Add(w => w.Context, WidgetContextAsync(student, new WidgetSize(4, 3)).Result)
        );
        widget.WaitForAssertion(() => Assert.Contains("Sortie au musée", widget.Markup));
        using var heard = new Heard<MemoSent>(Database.Get<Enoe.Data.Events.IEventBus>());

        await SendAsync("Conseil de classe");
        await Database.DeliveredAsync();
        var delivered = heard.Events.Single(); // the mémo's event carries its notifications
        Assert.NotNull(delivered.Delivered);
        _counter.Reset();
        await widget.InvokeAsync(() => Database.Get<Enoe.Data.Events.IEventBus>().PublishAsync(delivered));
        await Database.DeliveredAsync();

        widget.WaitForAssertion(() =>
            Assert.True(
                widget.Markup.IndexOf("Conseil de classe", StringComparison.Ordinal)
                    < widget.Markup.IndexOf("Sortie au musée", StringComparison.Ordinal)
                    && widget.Markup.Contains("Conseil de classe")
            )
        );
        Assert.True(_counter.Count == 0, _counter.Log); // the line came with the event
        widget.FindAll("li a")[0].Click();
        widget.WaitForAssertion(() =>
            Assert.Equal(1, Database.Get<NotificationService>().UnreadCountAsync(F.StudentA.Id).Result)
        );
    }

    private Task SendAsync(string subject) => Database.SendStaffMemoToStudentAsync(F, subject);
}
