using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Carnet de bord: each session of a class and the homework set.</summary>
        public static readonly EntService Logbook = new(Enoe.Data.Logbook.LogbookDataModule.Key);
    }
}

namespace Enoe.Data.Logbook
{
    public sealed class LogbookDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "logbook";

        public override EntService? Service => EntService.Logbook;

        public override string? FileCode => "carnet";

        public override void AddServices(IServiceCollection services) =>
            services
                .AddSingleton<LogbookService>()
                .AddSingleton<Storage.IFileReadRule, LogbookFileRule>()
                .AddSingleton<Demo.IDemoStep, LogbookDemoStep>();
    }
}
