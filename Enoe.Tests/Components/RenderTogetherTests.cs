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
/// The views of one live state in one tab (the unread badge and the Mémos widget) re-render in one batch, the one
/// message a tab's browser receives for a change: Blazor's own renderer counts the batches.
/// </summary>
public sealed class RenderTogetherTests
{
    [Fact]
    public async Task AChange_RerendersEveryView_InOneBatch()
    {
        await using var renderer = new BatchCountingRenderer();
        var together = new RenderTogether();
        var (badge, widget, menu) = (new Shown(together), new Shown(together), new Shown(together));
        await renderer.ShowAsync(badge, widget, menu);
        menu.Dispose(); // a view gone (its component disposed) is not rendered again

        var before = renderer.Batches;
        await renderer.Dispatcher.InvokeAsync(together.Refresh);

        Assert.Equal(before + 1, renderer.Batches);
        Assert.Equal((2, 2, 1), (badge.Renders, widget.Renders, menu.Renders));
    }

    [Fact]
    public async Task AViewThatDoesNotSaySo_StillRerenders_InABatchOfItsOwn()
    {
        await using var renderer = new BatchCountingRenderer();
        var together = new RenderTogether();
        var (silent, widget) = (new Shown(together) { SaysRendering = false }, new Shown(together));
        await renderer.ShowAsync(silent, widget);

        var before = renderer.Batches;
        await renderer.Dispatcher.InvokeAsync(together.Refresh);

        Assert.Equal(before + 2, renderer.Batches);
        Assert.Equal((2, 2), (silent.Renders, widget.Renders));
    }

    [Fact]
    public async Task AViewRenderedForItsOwnReason_AfterAChange_BringsTheOthersAlong()
    {
        await using var renderer = new BatchCountingRenderer();
        var together = new RenderTogether();
        var (badge, widget) = (new Shown(together), new Shown(together));
        await renderer.ShowAsync(badge, widget);
        await renderer.Dispatcher.InvokeAsync(() =>
        {
            widget.Update(); // e.g. the widget's form opened, within the same dispatch as the change below
            together.Refresh();
        });

        Assert.Equal((2, 3), (badge.Renders, widget.Renders));
    }

    /// <summary>A component showing the shared state, as the badge and the widget do.</summary>
    private sealed class Shown(RenderTogether together) : ComponentBase, IDisposable
    {
        private RenderTogether.View? _view;
        public bool SaysRendering { get; init; } = true;
        public int Renders { get; private set; }

        protected override void OnInitialized() => _view = together.Add(InvokeAsync, StateHasChanged);

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            if (SaysRendering)
                _view?.Rendering();
            Renders++;
            builder.AddContent(0, Renders);
        }

        public void Update() => StateHasChanged();

        public void Dispose() => _view?.Dispose();
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
