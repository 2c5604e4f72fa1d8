using Enoe.Data.Documents;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Documents;

/// <summary>Documents: each person's files and the shared folders (remise de copies is <c>Assignments/</c>).</summary>
public sealed class DocumentsModule : UiModule
{
    public const string Running = Policies.ServicePrefix + DocumentsDataModule.Key;

    public override EntService? Service => EntService.Documents;
    public override string Name => DocumentsText.ServiceName;
    public override int Order => 50;

    public override void AddServices(IServiceCollection services) =>
        services.AddNavigationEntry(
            new(
                () => DocumentsText.Nav_Documents,
                "/documents",
                Icons.Material.Outlined.Folder,
                EntService.Documents,
                Profile.Everyone & ~Profile.AcademyAdmin,
                Order: 200
            )
        );
}
