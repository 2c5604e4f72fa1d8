using Bunit;
using Enoe.Data.People;
using Enoe.Widgets;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Enoe.Tests.Support;

public static class DashboardTestContext
{
    /// <summary>
    /// What a dashboard page needs in bUnit: MudBlazor, browser storage, and the test database's own services.
    /// </summary>
    /// <summary>Signs the bUnit user in as <paramref name="person"/> working in <paramref name="schoolId"/>.</summary>
    public static void SignInAs(
        this BunitContext context,
        Enoe.Data.People.Person person,
        int schoolId,
        Enoe.Data.People.Profile profile
    )
    {
        var auth = context.AddAuthorization();
        auth.SetAuthorized(person.UserName!);
        auth.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, person.Id.ToString()),
            new System.Security.Claims.Claim(Enoe.Data.People.EnoeClaims.School, schoolId.ToString()),
            new System.Security.Claims.Claim(Enoe.Data.People.EnoeClaims.Profile, profile.ToString())
        );
    }

    public static void AddDashboardServices(this BunitContext context, TestDatabase database)
    {
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10); // the suite runs browsers beside these on two cores
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = context.Services;
        services.AddMudServices();
        services.AddLocalization();
        services.AddDataProtection();
        services.AddScoped<ProtectedLocalStorage>();
        services.AddEnoeWidgets();
        // The database's own instances: the infrastructure, then every service a data module registers.
        Type[] infrastructure =
        [
            typeof(WidgetCatalog),
            typeof(Enoe.Data.Events.IEventBus),
            typeof(TimeProvider),
            typeof(Enoe.Data.Storage.FileStore),
        ];
        var fromModules = database
            .Services.GetServices<Enoe.Data.Modules.DataModule>()
            .SelectMany(m =>
            {
                var own = new ServiceCollection();
                m.AddServices(own);
                return own;
            })
            // The modules' own services (OpenIddict's, scoped or open generic, stay behind: no page uses them).
            .Where(d => d.Lifetime == ServiceLifetime.Singleton && !d.ServiceType.IsGenericTypeDefinition)
            .Select(d => d.ServiceType)
            .Where(t => !t.IsInterface);
        foreach (var type in infrastructure.Concat(fromModules).Distinct())
            services.AddSingleton(type, database.Services.GetRequiredService(type));
    }
}
