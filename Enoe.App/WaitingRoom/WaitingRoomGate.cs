using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.App.WaitingRoom;

/// <summary>
/// In front of the sign-in form and of every page that opens a tab (a circuit): whoever the <see cref="WaitingLine"/>
/// does not let in yet is sent to the waiting page instead, before anything is rendered. Other static pages (account,
/// the public site) and requests on an open circuit never wait.
/// </summary>
public sealed class WaitingRoomGate(RequestDelegate next, WaitingLine line)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (line.IsOn && HttpMethods.IsGet(http.Request.Method) && Gated(http) && !line.Ask(http).In)
        {
            var waitingPage = WaitingRoomEndpoints.PathFor(http.Request.Path + http.Request.QueryString);
            if (IsEnhancedNavigation(http.Request))
            {
                // blazor.web.js fetched this page to patch it in: this header makes it load the waiting page whole.
                http.Response.Headers["blazor-enhanced-nav-redirect-location"] = waitingPage;
                return;
            }
            http.Response.Redirect(waitingPage);
            return;
        }
        await next(http);
    }

    /// <summary>Signed in: a page that opens a tab. Not yet: the sign-in form.</summary>
    private static bool Gated(HttpContext http) =>
        WaitingPass.PersonOf(http) is null ? http.Request.Path == SignInCookie.Of(http).LoginPath : OpensATab(http);

    /// <summary>A component page that takes interactive routing, which App.razor renders with a circuit.</summary>
    private static bool OpensATab(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && http.AcceptsInteractiveRouting();

    private static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("blazor-enhanced-nav=on", StringComparison.Ordinal) == true);
}

/// <summary>
/// A browser's place in the line before its person signs in: a random cookie for the browser's session, which the
/// seat it is let in with follows to its person's page (<see cref="WaitingLine.Enter"/>).
/// </summary>
internal static class WaitingPass
{
    private const string Cookie = ".Enoe.WaitingPass";
    private const int Length = 22; // 16 random bytes, base64url

    public static string? PersonOf(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// Where the one asking stands: a signed-in person, with the place their browser was let in with, if any; anyone
    /// else, their browser at the door (given a pass if it has none).
    /// </summary>
    public static Place Ask(this WaitingLine line, HttpContext http) =>
        PersonOf(http) is { } person ? line.Enter(person, Of(http)) : line.EnterTheDoor(Give(http));

    /// <summary>The browser's pass, if it sent one of the right shape (any other value is nobody's).</summary>
    private static string? Of(HttpContext http) =>
        http.Request.Cookies[Cookie] is { Length: Length } pass && Base64Url.IsValid(pass) ? pass : null;

    private static string Give(HttpContext http)
    {
        if (Of(http) is { } pass)
            return pass;
        pass = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        // Secure as the sign-in cookie is (always but on a developer's machine, behind the TLS-ending proxy too).
        var cookie = new CookieBuilder
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            SecurePolicy = SignInCookie.Of(http).Cookie.SecurePolicy,
            IsEssential = true,
        };
        http.Response.Cookies.Append(Cookie, pass, cookie.Build(http));
        return pass;
    }
}

/// <summary>The sign-in cookie's settings: its page is the line's door, its security the pass's.</summary>
internal static class SignInCookie
{
    public static CookieAuthenticationOptions Of(HttpContext http) =>
        http
            .RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
}

public static class WaitingRoomHosting
{
    public static IServiceCollection AddEnoeWaitingRoom(this IServiceCollection services) =>
        services.AddSingleton<WaitingLine>();

    /// <summary>After authentication and the account's own redirections (password change, two-factor).</summary>
    public static IApplicationBuilder UseWaitingRoom(this IApplicationBuilder app) =>
        app.UseMiddleware<WaitingRoomGate>();
}
