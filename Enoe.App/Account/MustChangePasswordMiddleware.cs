using Enoe.Data.People;

namespace Enoe.App.Account;

/// <summary>
/// An account created by an administrator reaches nothing but the password page until a new password is chosen.
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string PasswordPage = "/compte/mot-de-passe";
    private static readonly string[] Allowed =
    [
        PasswordPage,
        "/compte/deconnexion",
        "/_framework",
        "/_content",
        "/css",
        "/img",
        "/js",
        "/health",
        "/culture",
    ];

    public Task InvokeAsync(HttpContext http)
    {
        if (
            http.User.HasClaim(EnoeClaims.MustChangePassword, "true")
            && !Allowed.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        )
        {
            http.Response.Redirect(PasswordPage);
            return Task.CompletedTask;
        }
        return next(http);
    }
}
