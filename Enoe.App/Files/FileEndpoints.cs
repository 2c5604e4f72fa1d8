using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Widgets.Common;

namespace Enoe.App.Files;

/// <summary>
/// Any stored file, by id, once the data layer has said this person may read it (each service's
/// <c>IFileReadRule</c>); an unknown id and a forbidden one look the same. A service's own downloads
/// (the copies' zip, the livret PDF) are mapped by its module.
/// </summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(
            "/fichiers/{id:int}",
            async (int id, HttpContext http, FileStore files, CancellationToken ct) =>
            {
                if (CurrentUser.From(http.User) is not { } user)
                    return Results.Unauthorized();
                var read = await files.ReadAsync(user, id, ct);
                if (read.Value is not { } file)
                    return FileResponses.Refused(read);
                FileResponses.NoSniff(http);
                return Results.File(
                    await files.OpenBlobAsync(file, ct),
                    file.ContentType,
                    file.Name,
                    lastModified: file.CreatedAt,
                    enableRangeProcessing: true
                );
            }
        );
        return app;
    }
}
