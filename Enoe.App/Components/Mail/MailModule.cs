using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Antiforgery;

namespace Enoe.App.Components.Mail;

/// <summary>
/// E-mail in the app: the configuration (<c>Enoe:Mail</c>, and <c>Enoe:PublicUrl</c> for links), the worker, and the
/// one-click unsubscribe endpoint that works without signing in (RFC 8058: GET shows a confirmation, POST does it).
/// </summary>
public sealed class MailModule : UiModule
{
    public override void AddServices(IServiceCollection services)
    {
        services
            .AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .Configure<IConfiguration>(
                (o, config) =>
                    o.PublicUrl ??= config["Enoe:PublicUrl"] is { Length: > 0 } url
                        ? url
                        : config["Enoe:SingleSignOn:Issuer"]
            );
        services.AddHostedService<MailWorker>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(UnsubscribeLinks.Path, Confirm).AllowAnonymous();
        // Mail clients post without a form of ours (RFC 8058): the signed token is the proof, not an antiforgery one.
        endpoints.MapPost(UnsubscribeLinks.Path, UnsubscribeAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static IResult Confirm(string? t, UnsubscribeLinks links)
    {
        if (links.Read(t) is not { } request)
            return Page(MailText.Unsubscribe_Invalid, form: null, StatusCodes.Status400BadRequest);
        var names = string.Join(", ", request.Categories.Select(DigestText.Name));
        return Page(MailText.FormatUnsubscribe_Confirm(names), t, StatusCodes.Status200OK);
    }

    private static async Task<IResult> UnsubscribeAsync(
        HttpContext http,
        UnsubscribeLinks links,
        NotificationPreferences preferences,
        CancellationToken ct
    )
    {
        var token = http.Request.Query["t"].FirstOrDefault();
        if (string.IsNullOrEmpty(token) && http.Request.HasFormContentType)
            token = (await http.Request.ReadFormAsync(ct))["t"].FirstOrDefault();
        if (links.Read(token) is not { } request)
            return Page(MailText.Unsubscribe_Invalid, form: null, StatusCodes.Status400BadRequest);
        await preferences.UnsubscribeAsync(request, ct);
        var names = string.Join(", ", request.Categories.Select(DigestText.Name));
        return Page(MailText.FormatUnsubscribe_Done(names), form: null, StatusCodes.Status200OK);
    }

    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A page of its own, without the app's shell: it is read by people who are not signed in.</summary>
    private static IResult Page(string message, string? form, int status)
    {
        static string encode(string s) => Encoder.Encode(s);
        var button = form is null
            ? ""
            : $"<form method=\"post\" action=\"{UnsubscribeLinks.Path}\"><input type=\"hidden\" name=\"t\" "
                + $"value=\"{encode(form)}\"><button type=\"submit\">{encode(MailText.Unsubscribe_Button)}</button>"
                + "</form>";
        var html =
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
            + "content=\"width=device-width, initial-scale=1\">"
            + $"<title>{encode(MailText.Unsubscribe_Title)}</title></head>"
            + $"<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em\"><h1>"
            + $"{encode(MailText.Unsubscribe_Title)}</h1><p>{encode(message)}</p>{button}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
