using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enoe.App.Hosting;

/// <summary>
/// Keeps the tabs' WebSockets to the circuit hub uncompressed unless
/// <see cref="CircuitLimitsOptions.WebSocketCompression"/> is on. Every browser offers compression; ASP.NET Core 10
/// accepted the offer with its own <c>DisableWebSocketCompression</c> set and nothing else
/// (<c>CircuitCompressionTests</c> failed so), so the offer is taken out of the upgrade request and there is nothing
/// left to accept.
/// </summary>
public static class CircuitCompression
{
    public static IApplicationBuilder UseCircuitCompressionSetting(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<CircuitLimitsOptions>>().Value.WebSocketCompression
            ? app
            : app.Use(
                (http, next) =>
                {
                    if (http.Request.Path.StartsWithSegments(CircuitAdmission.Hub))
                        http.Request.Headers.Remove(HeaderNames.SecWebSocketExtensions);
                    return next(http);
                }
            );
}
