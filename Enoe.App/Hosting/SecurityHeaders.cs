using System.Security.Cryptography;

namespace Enoe.App.Hosting;

/// <summary>
/// <c>Enoe:SecurityHeaders</c>: what an académie may need to change in the headers every response carries.
/// </summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "Enoe:SecurityHeaders";

    /// <summary>
    /// Who may show ENOE inside a frame (CSP <c>frame-ancestors</c>): the app itself by default; an académie portal
    /// that frames the ENT adds its origin, e.g. <c>'self' https://portail.ac-exemple.fr</c>.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";

    /// <summary>Browser features ENOE never uses, switched off for the page and every frame in it.</summary>
    public string PermissionsPolicy { get; set; } =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), "
        + "display-capture=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()";

    /// <summary>
    /// Origins forms may post to besides the app (CSP <c>form-action</c>, which browsers also apply to the redirects
    /// after a post): the configured sign-in providers are added on their own (see
    /// <see cref="SecurityHeadersHosting"/>); list here a provider whose sign-in pages live on another host.
    /// </summary>
    public List<string> FormActions { get; set; } = [];
}

/// <summary>
/// The security headers of every response (pages, static files, downloads, error pages, the public site), set just
/// before the response starts so that nothing later in the pipeline (the exception handler clears headers, Blazor
/// writes its own <c>frame-ancestors</c> policy) can drop or weaken them.
/// </summary>
/// <remarks>
/// Scripts come from the app only; the one inline script Blazor writes (the import map of <c>&lt;ImportMap /&gt;</c>)
/// carries this request's nonce (<see cref="NonceOf"/>). Styles allow inline: MudBlazor sets <c>style</c> attributes
/// and its theme provider writes a <c>&lt;style&gt;</c> block, and Blazor patches styles at run time; a style cannot
/// run code, so this keeps the policy's protection against injected scripts.
/// </remarks>
public sealed class SecurityHeaders(RequestDelegate next, SecurityHeadersOptions options)
{
    private const string NonceKey = "Enoe.CspNonce";

    /// <summary>This request's nonce, for the inline scripts the app renders itself.</summary>
    public static string NonceOf(HttpContext http) =>
        http.Items.TryGetValue(NonceKey, out var nonce) && nonce is string text ? text : "";

    public Task InvokeAsync(HttpContext http)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: no HTML escaping
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin"; // a link in a mémo does not tell the other site where it was
            headers["Permissions-Policy"] = options.PermissionsPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    }

    private string Policy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        // 'self' covers the circuit's WebSocket (ws/wss on the same host) in CSP level 3 browsers.
        + "connect-src 'self'; "
        // The web app manifest and the service worker (/service-worker.js): the app's own, named for clarity (both
        // would fall back to 'self' through default-src and script-src).
        + "manifest-src 'self'; "
        + "worker-src 'self'; "
        + $"frame-ancestors {options.FrameAncestors}; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + $"form-action {string.Join(' ', ["'self'", .. options.FormActions])}";
}

public static class SecurityHeadersHosting
{
    /// <summary>Where the external sign-in buttons and the sign-out post end up: the providers' own pages.</summary>
    private static readonly string[] ProviderAddresses =
    [
        "Enoe:OpenIdConnect:Authority",
        "AzureAd:Instance",
        "AzureAd:Authority",
    ];

    public static WebApplication UseEnoeSecurityHeaders(this WebApplication app)
    {
        var config = app.Configuration;
        var options = config.GetSection(SecurityHeadersOptions.Section).Get<SecurityHeadersOptions>() ?? new();
        // ENOE's policy replaces the one ASP.NET Core writes beside compressed circuits: keep its rule.
        if (
            config.GetValue<bool>($"{CircuitLimitsOptions.Section}:{nameof(CircuitLimitsOptions.WebSocketCompression)}")
            && options.FrameAncestors.Trim() is not ("'self'" or "'none'")
        )
            throw new InvalidOperationException(
                "Enoe:Circuits:WebSocketCompression needs Enoe:SecurityHeaders:FrameAncestors to be 'self' or 'none': "
                    + "a page another site frames must not hold a compressed WebSocket."
            );
        foreach (var key in ProviderAddresses)
        {
            var value = config[key];
            if (key == "AzureAd:Instance" && value is null && config["AzureAd:ClientId"] is { Length: > 0 })
                value = "https://login.microsoftonline.com/"; // Microsoft.Identity.Web's default
            if (Uri.TryCreate(value, UriKind.Absolute, out var address))
                options.FormActions.Add(address.GetLeftPart(UriPartial.Authority));
        }
        options.FormActions = [.. options.FormActions.Distinct()];
        app.UseMiddleware<SecurityHeaders>(options);
        return app;
    }
}
