using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Documents and remise de copies: personal and shared files, devoirs handed in.</summary>
        public static readonly EntService Documents = new(Enoe.Data.Documents.DocumentsDataModule.Key);
    }
}

namespace Enoe.Data.Documents
{
    public sealed class DocumentsDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "documents";

        public override EntService? Service => EntService.Documents;

        public override string? FileCode => "documents";

        public override void AddServices(IServiceCollection services) =>
            services
                .AddSingleton<DocumentService>()
                .AddSingleton<Storage.IFileReadRule, DocumentFileRule>()
                .AddSingleton<Demo.IDemoStep, DocumentsDemoStep>();
    }
}
