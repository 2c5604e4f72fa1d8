using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Ressources académiques: the académie's and the établissement's digital resources.</summary>
        public static readonly EntService DigitalResources = new(
            Enoe.Data.DigitalResources.DigitalResourcesDataModule.Key
        );
    }
}

namespace Enoe.Data.DigitalResources
{
    public sealed class DigitalResourcesDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "resources";

        public override EntService? Service => EntService.DigitalResources;

        public override string? FileCode => "ressources";

        public override void AddServices(IServiceCollection services) =>
            services
                .AddSingleton<ResourceCatalogue>()
                .AddSingleton<DigitalResourceService>()
                .AddSingleton<Demo.IDemoStep, DigitalResourcesDemoStep>();
    }
}
