using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Mémos: messages within the établissement, one copy per person.</summary>
        public static readonly EntService Memos = new(Enoe.Data.Memos.MemosDataModule.Key);
    }
}

namespace Enoe.Data.Memos
{
    public sealed class MemosDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "memos";

        public override EntService? Service => EntService.Memos;

        public override string? FileCode => "memos";

        public override void AddServices(IServiceCollection services) =>
            services
                .AddSingleton<MemoService>()
                .AddSingleton<Storage.IFileReadRule, MemoFileRule>()
                .AddSingleton<Demo.IDemoStep, MemosDemoStep>();
    }
}
