using System.Security.Claims;

namespace Enoe.App.Hosting;

/// <summary>
/// Refuses new connections to the circuit hub beyond the caps on open tabs (<see cref="CircuitTally"/>), with 429 and
/// the reason in the reader's language: the negotiation every transport starts with, and the WebSocket upgrade a
/// client may send without one. A browser never gets there (its page is refused first); a hand-written client that
/// ignores the refused page and the closed circuit no longer opens connection after connection. Requests on a
/// connection already made (long polling, sends) pass: they open nothing.
/// </summary>
public sealed class CircuitAdmission(RequestDelegate next, CircuitTally tally)
{
    internal static readonly PathString Hub = "/_blazor"; // the circuits' hub

    public async Task InvokeAsync(HttpContext http)
    {
        if (OpensAConnection(http))
        {
            var refusal = tally.WouldRefuseConnection(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier),
                ClientAddressKey.Of(http.Connection.RemoteIpAddress)
            );
            if (refusal != CircuitRefusal.None)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(tally.Reason(refusal)!, http.RequestAborted);
                return;
            }
        }
        await next(http);
    }

    private static bool OpensAConnection(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Hub, out var rest)
        && (
            rest == "/negotiate" && HttpMethods.IsPost(http.Request.Method)
            || !rest.HasValue && http.WebSockets.IsWebSocketRequest
        );
}

public static class CircuitAdmissionHosting
{
    /// <summary>After authentication: the person is known.</summary>
    public static IApplicationBuilder UseCircuitAdmission(this IApplicationBuilder app) =>
        app.UseMiddleware<CircuitAdmission>();
}
