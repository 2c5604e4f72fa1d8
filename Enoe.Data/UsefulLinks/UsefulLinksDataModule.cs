using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Liens utiles: an établissement's list of useful links.</summary>
        public static readonly EntService UsefulLinks = new(Enoe.Data.UsefulLinks.UsefulLinksDataModule.Key);
    }
}

namespace Enoe.Data.UsefulLinks
{
    public sealed class UsefulLinksDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "useful-links";

        public override EntService? Service => EntService.UsefulLinks;

        public override void AddServices(IServiceCollection services) =>
            services.AddSingleton<UsefulLinkService>().AddSingleton<Demo.IDemoStep, UsefulLinksDemoStep>();
    }
}
