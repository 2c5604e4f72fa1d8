using Bunit;
using Enoe.Widgets.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Enoe.Tests.Components;

/// <summary>The dashboard without its drag script: the page and its keyboard ways work on.</summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public void ItsScriptNotLoading_LeavesThePageWorking_AndCardsMoveThroughTheirMenus()
    {
        Services.AddSingleton<IJSRuntime>(new DashboardScriptBlocked(JSInterop.JSRuntime));
        var page = Render<DashboardPage>();
        StartEditing(page);
        var before = int.Parse(page.Find("[data-widget=news]").GetAttribute("data-x")!);

        OpenMenu(page, "Actualités");
        MenuItem(page, "Déplacer à droite").Click();

        page.WaitForAssertion(() =>
            Assert.Equal(before + 1, int.Parse(page.Find("[data-widget=news]").GetAttribute("data-x")!))
        );
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "attach");
    }

    [Fact]
    public async Task LeavingWhileItsScriptLoads_NeverAttachesIt_AndUnloadsWhatArrivesAfter()
    {
        var slow = new DashboardScriptSlow(JSInterop.JSRuntime);
        Services.AddSingleton<IJSRuntime>(slow);
        Render<DashboardPage>().WaitForElement("[data-widget=news]");
        Assert.False(slow.Import.Task.IsCompleted);

        await DisposeComponentsAsync(); // a quick navigation: the grid and its reference to itself are gone
        var module = new RecordingModule();
        slow.Import.SetResult(module);

        // Attaching with the disposed reference threw and ended the circuit (InsideOnlyCircuitJourney, 2026-12-02).
        await module.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("attach", module.Calls);
    }

    /// <summary>The dashboard's script still on its way; everything else as bUnit answers it.</summary>
    private sealed class DashboardScriptSlow(IJSRuntime browser) : IJSRuntime
    {
        public TaskCompletionSource<IJSObjectReference> Import { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken ct, object?[]? args) =>
            identifier == "import" && args is ["./js/dashboard.js"]
                ? (TValue)await Import.Task
                : await browser.InvokeAsync<TValue>(identifier, ct, args);
    }

    private sealed class RecordingModule : IJSObjectReference
    {
        public List<string> Calls { get; } = [];
        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken ct, object?[]? args)
        {
            Calls.Add(identifier);
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask DisposeAsync()
        {
            Disposed.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The browser's answer when the module cannot be fetched; everything else as bUnit answers it.</summary>
    private sealed class DashboardScriptBlocked(IJSRuntime browser) : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken ct, object?[]? args) =>
            identifier == "import" && args is ["./js/dashboard.js"]
                ? ValueTask.FromException<TValue>(new JSException("Failed to fetch dynamically imported module"))
                : browser.InvokeAsync<TValue>(identifier, ct, args);
    }
}
