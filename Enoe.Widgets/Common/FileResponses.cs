using Enoe.Data.Common;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Http;

namespace Enoe.Widgets.Common;

/// <summary>What every download of ENOE does: served as an attachment the browser must not sniff.</summary>
public static class FileResponses
{
    public static void NoSniff(HttpContext http) => http.Response.Headers.XContentTypeOptions = "nosniff";

    /// <summary>
    /// A download refused: 403 with the reason when the service's gate refused (from outside the school, switched
    /// off), otherwise 404, so an id one may not read looks like one that does not exist.
    /// </summary>
    public static IResult Refused(Result result) =>
        ServiceAccess.IsGateRefusal(result)
            ? Results.Text(result.Errors[0], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
            : Results.NotFound();
}
