using System.Globalization;
using System.Net;
using Enoe.App.Account;

namespace Enoe.App.WaitingRoom;

/// <summary>
/// The waiting page, <c>/file-d-attente</c>: the person's place in the line and an estimate, refreshed by the browser
/// itself (no script, no circuit, no database), until their turn comes and it takes them where they were going.
/// </summary>
public static class WaitingRoomEndpoints
{
    public const string Path = "/file-d-attente";

    public static string PathFor(string destination) => $"{Path}?retour={Uri.EscapeDataString(destination)}";

    public static IEndpointRouteBuilder MapWaitingRoom(this IEndpointRouteBuilder app)
    {
        // Before signing in too: the line starts at the sign-in form (WaitingRoomGate).
        app.MapGet(
                Path,
                (HttpContext http, WaitingLine line, string? retour) =>
                {
                    var place = line.Ask(http);
                    if (!place.In)
                        return Page(http, place);
                    var home = WaitingPass.PersonOf(http) is null
                        ? SignInCookie.Of(http).LoginPath.Value!
                        : "/tableau-de-bord";
                    return Results.LocalRedirect(ReturnUrls.Local(retour) ?? home);
                }
            )
            .AllowAnonymous();
        return app;
    }

    private static IResult Page(HttpContext http, Place place)
    {
        // Sooner near the front; never so rarely that the ticket expires (WaitingLine.TicketKept).
        var refresh = place.Wait is { } wait ? Math.Clamp((int)(wait.TotalSeconds / 4), 2, 30) : 5;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.RetryAfter = refresh.ToString(CultureInfo.InvariantCulture);
        var estimate = place.Wait switch
        {
            null => WaitingRoomText.WaitNotKnown,
            { TotalSeconds: < 60 } => WaitingRoomText.WaitUnderAMinute,
            { } w => WaitingRoomText.FormatWaitInMinutes(Math.Ceiling(w.TotalMinutes)),
        };
        var html = $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <meta http-equiv="refresh" content="{refresh}">
            <title>{Encode(WaitingRoomText.Title)}</title>
            <link rel="stylesheet" href="/css/enoe.css">
            </head>
            <body>
            <main class="enoe-public-main" data-waiting-position="{place.Position}">
            <h1>{Encode(WaitingRoomText.Heading)}</h1>
            <p role="status">{Encode(WaitingRoomText.FormatPosition(place.Position))}</p>
            <p>{Encode(estimate)}</p>
            <p>{Encode(WaitingRoomText.KeepOpen)}</p>
            <p>{Encode(WaitingRoomText.NobodyDropped)}</p>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
