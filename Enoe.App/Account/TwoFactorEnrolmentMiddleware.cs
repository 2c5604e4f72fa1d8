using System.Security.Claims;
using Enoe.Data.People;
using Enoe.Data.Sessions;

namespace Enoe.App.Account;

/// <summary>
/// Someone who must sign in with a second factor (admins, the direction) and has none yet reaches nothing that needs
/// a signed-in person but the enrolment page (and signing out) until they enrol. Public pages and static files stay
/// open. A sign-in through the académie's or families' identity provider is trusted as the provider's own second
/// factor. The answer comes with the session's own check (<see cref="SignInSessions.MustEnrolAsync"/>): no read of its
/// own, at most one per session every few seconds.
/// </summary>
internal sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = [TwoFactorEndpoints.EnrolmentPage, "/compte/deconnexion"];

    public async Task InvokeAsync(HttpContext http, SignInSessions sessions)
    {
        if (await MustEnrolFirstAsync(http, sessions))
        {
            http.Response.Redirect(TwoFactorEndpoints.EnrolmentPage);
            return;
        }
        await next(http);
    }

    private static async Task<bool> MustEnrolFirstAsync(HttpContext http, SignInSessions sessions)
    {
        var user = http.User;
        if (
            user.Identity?.IsAuthenticated != true
            || user.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod) // signed in through a provider
            || user.HasClaim(EnoeClaims.MustChangePassword, "true") // the password page comes first
            || http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>()
                is not null
            || Allowed.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        )
            return false;
        // Asked of everyone, not only of staff claims: the cookie's profiles are those of the current établissement,
        // and a principal in their parent session elsewhere still holds the direction's rights over their school.
        return SessionCookie.IdOf(user) is Guid session
            && CurrentUser.From(user) is { } current
            && await sessions.MustEnrolAsync(session, current.PersonId, http.RequestAborted);
    }
}
