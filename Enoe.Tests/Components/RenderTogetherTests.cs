// Counting render batches needs Blazor's renderer itself (the RenderTree types), as Blazor's own tests do.
#pragma warning disable BL0006

using System.Runtime.ExceptionServices;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enoe.Tests.Components;

/// <summary>
/// What one change (one live event) alters in a tab re-renders in one batch, the one message a tab's browser
/// receives for it: Blazor's own renderer counts the batches.
/// </summary>
public sealed class RenderTogetherTests
{
    private static readonly object Inbox = new(); // a shared state, as UnreadMemos is

    [Fact]
    public async Task AChange_RerendersEveryViewShowingIt_InOneBatch()
    {
        await using var renderer = new BatchCountingRenderer();
        var tab = new RenderTogether();
        var (badge, widget, menu, bell) = (new Shown(tab), new Shown(tab), new Shown(tab), new Shown(tab, null));
        await renderer.ShowAsync(badge, widget, menu, bell);
        menu.Dispose(); // a view gone (its component disposed) is not rendered again

        var before = renderer.Batches;
        await renderer.Dispatcher.InvokeAsync(() => tab.Refresh(Inbox));

        Assert.Equal(before + 1, renderer.Batches);
        Assert.Equal((2, 2, 1, 1), (badge.Renders, widget.Renders, menu.Renders, bell.Renders));
    }

    [Fact]
    public async Task AViewThatDoesNotSaySo_StillRerenders_InABatchOfItsOwn()
    {
        await using var renderer = new BatchCountingRenderer();
        var tab = new RenderTogether();
        var (silent, widget) = (new Shown(tab) { SaysRendering = false }, new Shown(tab));
        await renderer.ShowAsync(silent, widget);

        var before = renderer.Batches;
        await renderer.Dispatcher.InvokeAsync(() => tab.Refresh(Inbox));

        Assert.Equal(before + 2, renderer.Batches);
        Assert.Equal((2, 2), (silent.Renders, widget.Renders));
    }

    [Fact]
    public async Task AViewRenderedForItsOwnReason_AfterAChange_BringsTheOthersAlong()
    {
        await using var renderer = new BatchCountingRenderer();
        var tab = new RenderTogether();
        var (badge, widget) = (new Shown(tab), new Shown(tab));
        await renderer.ShowAsync(badge, widget);
        await renderer.Dispatcher.InvokeAsync(() =>
        {
            widget.Update(); // e.g. the widget's form opened, within the same dispatch as the change below
            tab.Refresh(Inbox);
        });

        Assert.Equal((2, 3), (badge.Renders, widget.Renders));
    }

    [Fact]
    public async Task ChangesMadeWhileAnEventIsHandedOver_RenderInOneBatch_WhenItEnds()
    {
        await using var renderer = new BatchCountingRenderer();
        var tab = new RenderTogether();
        var (badge, widget, bell, feed) = (new Shown(tab), new Shown(tab), new Shown(tab, null), new Shown(tab, null));
        await renderer.ShowAsync(badge, widget, bell, feed);
        var before = renderer.Batches;

        var handing = tab.Hold();
        var other = tab.Hold(); // a second event arriving meanwhile
        await Task.Run(() => tab.Refresh(Inbox)); // the handlers run on the thread pool
        await Task.Run(bell.View!.Refresh);
        await renderer.Dispatcher.InvokeAsync(feed.View!.Refresh);
        handing.Dispose();
        handing.Dispose(); // twice is once
        Assert.Equal((before, 1, 1), (renderer.Batches, bell.Renders, feed.Renders));

        other.Dispose();
        await renderer.Dispatcher.InvokeAsync(() => { }); // the render queued on the dispatcher has run

        Assert.Equal(before + 1, renderer.Batches);
        Assert.Equal((2, 2, 2, 2), (badge.Renders, widget.Renders, bell.Renders, feed.Renders));
    }

    [Fact]
    public async Task AViewThatThrows_DoesNotKeepTheOthersFromRendering()
    {
        await using var renderer = new BatchCountingRenderer();
        var tab = new RenderTogether();
        using var broken = tab.Add(renderer.Dispatcher.InvokeAsync, () => throw new InvalidOperationException(), Inbox);
        var (badge, widget) = (new Shown(tab) { SaysRendering = false }, new Shown(tab) { SaysRendering = false });
        await renderer.ShowAsync(badge, widget);

        tab.Refresh(Inbox); // the broken view is first in the tab's list
        await renderer.Dispatcher.InvokeAsync(() => { }); // the render queued on the dispatcher has run

        Assert.Equal((2, 2), (badge.Renders, widget.Renders));
    }

    [Fact]
    public async Task AHoldThatChangedNothing_RendersNothing_AndAViewGoneMeanwhile_IsLeftOut()
    {
        await using var renderer = new BatchCountingRenderer();
        var tab = new RenderTogether();
        var (badge, widget) = (new Shown(tab), new Shown(tab));
        await renderer.ShowAsync(badge, widget);
        var before = renderer.Batches;

        tab.Hold().Dispose();
        await renderer.Dispatcher.InvokeAsync(() => { });
        Assert.Equal(before, renderer.Batches);

        var holding = tab.Hold();
        tab.Refresh(Inbox);
        widget.Dispose(); // its component went away before the event was handed over
        holding.Dispose();
        await renderer.Dispatcher.InvokeAsync(() => { });

        Assert.Equal(before + 1, renderer.Batches);
        Assert.Equal((2, 1), (badge.Renders, widget.Renders));
    }

    [Fact]
    public async Task OneEventHeardByATab_RerendersWhatItChanged_InOneBatch()
    {
        await using var renderer = new BatchCountingRenderer();
        await using var bus = new Enoe.Data.Events.InProcessEventBus(
            NullLogger<Enoe.Data.Events.InProcessEventBus>.Instance
        );
        var tab = new RenderTogether();
        // A clock that never moves: the hold lasts until every component is done, however loaded the machine.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var events = new LiveEvents(bus, NullLogger<LiveEvents>.Instance, renders: tab, clock: clock);
        var (badge, widget, bell) = (new Shown(tab), new Shown(tab), new Shown(tab, null));
        await renderer.ShowAsync(badge, widget, bell);
        // As UnreadMemos and the bell hear a mémo: each on its own thread, changing what it shows.
        using var memos = events.Subscribe<Ping>(_ =>
        {
            tab.Refresh(Inbox);
            return Task.CompletedTask;
        });
        using var bells = events.Subscribe<Ping>(async _ =>
        {
            await Task.Yield();
            bell.View!.Refresh();
        });
        var before = renderer.Batches;

        await bus.PublishAsync(new Ping());
        await bus.WhenIdleAsync();
        await renderer.Dispatcher.InvokeAsync(() => { }); // the render queued on the dispatcher has run

        Assert.Equal(before + 1, renderer.Batches);
        Assert.Equal((2, 2, 2), (badge.Renders, widget.Renders, bell.Renders));
    }

    private sealed record Ping;

    /// <summary>A component showing the shared state (or, with null, a state of its own, as the bell).</summary>
    private sealed class Shown(RenderTogether tab, object? showing = null) : ComponentBase, IDisposable
    {
        private readonly object? _showing = showing;

        public Shown(RenderTogether tab)
            : this(tab, Inbox) { }

        public RenderTogether.View? View { get; private set; }
        public bool SaysRendering { get; init; } = true;
        public int Renders { get; private set; }

        protected override void OnInitialized() => View = tab.Add(InvokeAsync, StateHasChanged, _showing);

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            if (SaysRendering)
                View?.Rendering();
            Renders++;
            builder.AddContent(0, Renders);
        }

        public void Update() => StateHasChanged();

        public void Dispose() => View?.Dispose();
    }

    /// <summary>Blazor's renderer with nothing behind it but a count of the batches it would send.</summary>
    private sealed class BatchCountingRenderer()
        : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
    {
        public int Batches { get; private set; }
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public Task ShowAsync(params IComponent[] components) =>
            Dispatcher.InvokeAsync(async () =>
            {
                foreach (var component in components)
                    await RenderRootComponentAsync(AssignRootComponentId(component));
            });

        protected override void HandleException(Exception exception) => ExceptionDispatchInfo.Throw(exception);

        protected override Task UpdateDisplayAsync(in RenderBatch batch)
        {
            Batches++;
            return Task.CompletedTask;
        }
    }
}
