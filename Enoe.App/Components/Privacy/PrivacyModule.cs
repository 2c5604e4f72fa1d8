using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Widgets.Abstractions;

namespace Enoe.App.Components.Privacy;

/// <summary>
/// "Mes données" (the access log and the export), the export download, and the two background services: the export
/// builder and the nightly retention job.
/// </summary>
public sealed class PrivacyModule : UiModule
{
    public const string DownloadPath = "/mes-donnees/export/{id:int}";

    public override void AddServices(IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        services.AddHostedService<DataExportWorker>();
        services.AddHostedService<NightlyRetention>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(DownloadPath, DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(
        int id,
        HttpContext http,
        PrivacyService privacy,
        CancellationToken ct
    )
    {
        if (CurrentUser.From(http.User) is not { } user)
            return Results.Unauthorized();
        var zip = await privacy.DownloadAsync(user, id, ct);
        return zip.Succeeded
            ? Results.File(zip.Value.Zip, "application/zip", zip.Value.FileName)
            : Results.NotFound(zip.Errors[0]);
    }
}
