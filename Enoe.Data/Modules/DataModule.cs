using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Modules;

/// <summary>
/// What one part of ENOE contributes to the data layer, declared in its own folder (the way Orchard
/// Core modules declare their startup): its services, the files it lets people read, its step of the
/// demo. <see cref="DataModules.AddAll"/> finds every module of this assembly: nothing is listed centrally.
/// </summary>
public abstract class DataModule
{
    /// <summary>
    /// The ENT service this is, switched on or off per établissement; null for what every établissement has.
    /// </summary>
    public virtual EntService? Service => null;

    /// <summary>
    /// The service's name in the académie's CSV of établissements (<c>services</c> column: <c>portail</c>,
    /// <c>carnet</c>…), in French as the file is; null: the import leaves this service as it is.
    /// </summary>
    public virtual string? FileCode => null;

    public abstract void AddServices(IServiceCollection services);
}

/// <summary>The ENT services that exist: those the modules declare.</summary>
public sealed class EntServiceCatalog(IEnumerable<DataModule> modules)
{
    private readonly EntService[] _services = [.. modules.Select(m => m.Service).OfType<EntService>().Distinct()];

    public IReadOnlyList<EntService> All => _services;

    public bool Exists(EntService service) => _services.Contains(service);
}

public static class DataModules
{
    /// <summary>Instantiates and registers every <see cref="DataModule"/> of this assembly.</summary>
    public static IServiceCollection AddAll(IServiceCollection services)
    {
        foreach (
            var type in typeof(DataModule)
                .Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(DataModule)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
        )
        {
            var module = (DataModule)Activator.CreateInstance(type)!;
            services.AddSingleton(module);
            module.AddServices(services);
        }
        services.AddSingleton<EntServiceCatalog>();
        return services;
    }
}
