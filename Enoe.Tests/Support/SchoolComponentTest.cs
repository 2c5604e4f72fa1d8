using Bunit;
using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// A bUnit test over a real SQLite database: the <see cref="TwoSchools"/> fixture, the widgets'
/// services as the app registers them, and <see cref="ArrangeAsync"/> for what a test class adds.
/// </summary>
public abstract class SchoolComponentTest : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected TwoSchools F { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(configure: s =>
        {
            Enoe.Widgets.WidgetsServiceCollectionExtensions.AddEnoeWidgets(s);
            ConfigureData(s);
        });
        F = await TwoSchools.CreateAsync(Database);
        this.AddDashboardServices(Database);
        await ArrangeAsync();
    }

    /// <summary>Replaces data-layer services for the class (e.g. where the directory sync reads).</summary>
    protected virtual void ConfigureData(IServiceCollection services) { }

    /// <summary>The class's own people, subjects and sign-in.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    /// <summary>What the dashboard hands a widget for this person.</summary>
    protected async Task<WidgetContext> WidgetContextAsync(CurrentUser user, WidgetSize size) =>
        new(user, (await Database.Get<WorkspaceService>().GetAsync(user))!, null, size, null);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
