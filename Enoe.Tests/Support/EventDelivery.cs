using Bunit;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// The event bus delivers after the publisher's call returns, and a mémo's copies are written after its send returns:
/// a test that looks at a live effect (a subscriber's list, a component re-rendered by an event) or at a mémo's
/// recipients first awaits this, which completes once every mémo started is delivered, nothing is queued and no
/// handler runs. Bounded, so that a stuck handler fails the test rather than hanging the run.
/// </summary>
public static class EventDelivery
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task DeliveredAsync(this IServiceProvider services) =>
        DeliveredAsync(services.GetService<MemoService>(), services.GetRequiredService<IEventBus>())
            .WaitAsync(Patience);

    private static async Task DeliveredAsync(MemoService? memos, IEventBus events)
    {
        if (memos is not null)
            await memos.WhenDeliveredAsync(); // its event is published before it ends
        await events.WhenIdleAsync();
    }

    public static Task DeliveredAsync(this TestDatabase database) => database.Services.DeliveredAsync();

    public static Task DeliveredAsync<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class => factory.Services.DeliveredAsync();

    public static Task DeliveredAsync(this BunitContext context) => context.Services.DeliveredAsync();
}
