using Microsoft.AspNetCore.Http;

namespace Enoe.Widgets.Common;

/// <summary>What every download of ENOE does: served as an attachment the browser must not sniff.</summary>
public static class FileResponses
{
    public static void NoSniff(HttpContext http) => http.Response.Headers.XContentTypeOptions = "nosniff";
}
