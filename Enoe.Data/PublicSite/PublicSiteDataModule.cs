using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>The établissement's public site: news and practical pages anyone reads.</summary>
        public static readonly EntService PublicSite = new(Enoe.Data.PublicSite.PublicSiteDataModule.Key);
    }
}

namespace Enoe.Data.PublicSite
{
    public sealed class PublicSiteDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "public-site";

        public override EntService? Service => EntService.PublicSite;

        public override string? FileCode => "site";

        public override void AddServices(IServiceCollection services) =>
            services.AddSingleton<ArticleService>().AddSingleton<Demo.IDemoStep, PublicSiteDemoStep>();
    }
}
