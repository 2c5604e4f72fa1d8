using System.Reflection;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Widgets.Abstractions;

/// <summary>
/// What one part of ENOE adds to the interface, declared in its own folder (the way an Orchard Core
/// module declares its startup): its navigation entries, widgets, school settings sections, endpoints.
/// Every module of the interface's assemblies is found at start-up; nothing is listed centrally.
/// Its data-layer twin is <see cref="Enoe.Data.Modules.DataModule"/>.
/// </summary>
public abstract class UiModule
{
    /// <summary>
    /// The ENT service this is (the académie switches it per établissement); null for what every établissement has.
    /// </summary>
    public virtual EntService? Service => null;

    /// <summary>The service's name in the reader's language, for the académie's services page.</summary>
    public virtual string? Name => null;

    /// <summary>
    /// Where the module comes in lists, smaller first: the services page, the catalogue, a new person's starter page.
    /// </summary>
    public virtual int Order => 500;

    /// <summary>
    /// Navigation entries (<c>AddNavigationEntry</c>), widgets (<c>AddWidget</c>), settings sections
    /// (<c>AddSettingsSection</c>).
    /// </summary>
    public abstract void AddServices(IServiceCollection services);

    /// <summary>HTTP endpoints of the service (file downloads, exports), mapped after the pages.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

public static class UiModules
{
    /// <summary>Instantiates and registers every <see cref="UiModule"/> of these assemblies.</summary>
    public static IServiceCollection AddUiModules(this IServiceCollection services, params Assembly[] assemblies)
    {
        var modules = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(UiModule)))
            .Select(t => (UiModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order)
            .ThenBy(m => m.GetType().FullName, StringComparer.Ordinal);
        foreach (var module in modules)
        {
            services.AddSingleton(module);
            module.AddServices(services);
        }
        return services;
    }

    /// <summary>Maps every module's endpoints.</summary>
    public static IEndpointRouteBuilder MapUiModules(this IEndpointRouteBuilder endpoints)
    {
        foreach (var module in endpoints.ServiceProvider.GetServices<UiModule>())
            module.MapEndpoints(endpoints);
        return endpoints;
    }
}

/// <summary>
/// A part of the school settings page (<c>/gestion/etablissement</c>) that a service contributes: a component
/// shown in order, only where its <paramref name="Service"/> runs (null: every établissement has it).
/// </summary>
public sealed record SettingsSection(Type Component, int Order, EntService? Service = null);

public static class SettingsSectionServiceCollectionExtensions
{
    public static IServiceCollection AddSettingsSection<TComponent>(
        this IServiceCollection services,
        int order,
        EntService? service = null
    )
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        services.AddSingleton(new SettingsSection(typeof(TComponent), order, service));
}
