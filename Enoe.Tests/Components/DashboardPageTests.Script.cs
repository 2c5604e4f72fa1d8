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
