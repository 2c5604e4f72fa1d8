using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;

namespace Enoe.App.WaitingRoom;

/// <summary>
/// In front of the sign-in form and of every page that opens a tab (a circuit): whoever the <see cref="WaitingLine"/>
/// does not let in yet is sent to the waiting page instead, before anything is rendered. Other static pages (account,
/// the public site) and requests on an open circuit never wait.
/// </summary>
public sealed class WaitingRoomGate(RequestDelegate next, WaitingLine line, IWebHostEnvironment environment)
{
    private static readonly PathString SignInForm = "/connexion";

    public async Task InvokeAsync(HttpContext http)
    {
        if (line.IsOn && HttpMethods.IsGet(http.Request.Method) && !LetIn(http))
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

    private bool LetIn(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } person
            ? !OpensATab(http) || line.Enter(person, WaitingPass.Of(http)).In
            : http.Request.Path != SignInForm || line.EnterTheDoor(WaitingPass.Give(http, environment)).In;

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

    /// <summary>The browser's pass, if it sent one of the right shape (any other value is nobody's).</summary>
    public static string? Of(HttpContext http) =>
        http.Request.Cookies[Cookie] is { Length: Length } pass && Base64Url.IsValid(pass) ? pass : null;

    public static string Give(HttpContext http, IWebHostEnvironment environment)
    {
        if (Of(http) is { } pass)
            return pass;
        pass = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(
            Cookie,
            pass,
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                // As the sign-in cookie: Secure behind the TLS-ending proxy too, plain only on a developer's machine.
                Secure = http.Request.IsHttps || !environment.IsDevelopment(),
                IsEssential = true,
            }
        );
        return pass;
    }
}

public static class WaitingRoomHosting
{
    public static IServiceCollection AddEnoeWaitingRoom(this IServiceCollection services) =>
        services.AddSingleton<WaitingLine>();

    /// <summary>After authentication and the account's own redirections (password change, two-factor).</summary>
    public static IApplicationBuilder UseWaitingRoom(this IApplicationBuilder app) =>
        app.UseMiddleware<WaitingRoomGate>();
}
