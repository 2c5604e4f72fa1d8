using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace Enoe.Tests.Support;

public static class Burst
{
    /// <summary>
    /// Fires <paramref name="times"/> clicks on <paramref name="button"/> without waiting between them, while every
    /// save is held: each click that gets through meets the others in flight, as on a busy server. Then lets the saves
    /// go.
    /// </summary>
    public static async Task ClickManyTimesAsync(this IElement button, HeldSaves saves, int times = 20)
    {
        saves.Holding = true;
        var clicks = Enumerable.Range(0, times).Select(_ => button.TriggerEventAsync("onclick", new MouseEventArgs()));
        var running = clicks.ToList(); // all dispatched before any save goes through
        Assert.True(saves.Waiting >= 1, "the first click did not reach the database");
        saves.Release();
        await Task.WhenAll(running);
    }
}
