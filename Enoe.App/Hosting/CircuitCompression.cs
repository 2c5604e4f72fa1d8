using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enoe.App.Hosting;

/// <summary>
/// Keeps the tabs' WebSockets to the circuit hub uncompressed unless <see
/// cref="CircuitLimitsOptions.WebSocketCompression"/> is on. Every browser offers compression; ASP.NET Core 10 accepts
/// the offer even with <c>DisableWebSocketCompression</c> set (<c>CircuitCompressionTests</c> saw it), so the offer is
/// taken out of the upgrade request and there is nothing left to accept.
/// </summary>
public static class CircuitCompression
{
    private static readonly PathString Hub = "/_blazor";

    public static IApplicationBuilder UseCircuitCompressionSetting(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<CircuitLimitsOptions>>().Value.WebSocketCompression
            ? app
            : app.Use(
                (http, next) =>
                {
                    if (http.Request.Path.StartsWithSegments(Hub))
                        http.Request.Headers.Remove(HeaderNames.SecWebSocketExtensions);
                    return next(http);
                }
            );
}
