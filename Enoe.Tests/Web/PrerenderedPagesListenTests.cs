using Enoe.Data.Events;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>The app with its event bus counting who starts listening.</summary>
public sealed class CountedListenersAppFactory : EnoeAppFactory
{
    public int Subscriptions => _bus?.Subscriptions ?? 0;
    private CountingBus? _bus;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
            s.AddSingleton<IEventBus>(sp => _bus = new CountingBus(sp.GetRequiredService<InProcessEventBus>()))
        );
    }

    private sealed class CountingBus(IEventBus inner) : IEventBus
    {
        private int _subscriptions;
        public int Subscriptions => Volatile.Read(ref _subscriptions);

        public Task PublishAsync<TEvent>(TEvent @event)
            where TEvent : notnull => inner.PublishAsync(@event);

        public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
            where TEvent : notnull
        {
            Interlocked.Increment(ref _subscriptions);
            return inner.Subscribe(handler);
        }

        public Task WhenIdleAsync() => inner.WhenIdleAsync();
    }
}

/// <summary>
/// A page rendered once (prerendered: its circuit listens for itself) listens to no event: the pipeline marks every
/// request's scope static (<c>RenderScope</c>), and the tab's <c>LiveEvents</c> then subscribes nothing on the bus.
/// </summary>
public sealed class PrerenderedPagesListenTests(CountedListenersAppFactory app)
    : IClassFixture<CountedListenersAppFactory>
{
    [Fact]
    public async Task APrerenderedDashboard_SubscribesNothingOnTheBus()
    {
        var client = app.NewClient();
        await client.SignInAsync("lucas.martin");
        await client.GetPageAsync("/tableau-de-bord"); // the first one builds what the app builds once
        var before = app.Subscriptions;

        var page = await client.GetPageAsync("/tableau-de-bord");

        Assert.Contains("data-widget=", page);
        Assert.Equal(before, app.Subscriptions);
    }
}
