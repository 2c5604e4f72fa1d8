using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Enoe.App.Hosting;

/// <summary>
/// Sign-in posts are limited twice: per identifiant, whatever address tries it (guessing one account's password), and
/// per address, whatever identifiants it tries (trying one password on many accounts). The address limit is generous:
/// a whole collège signs in at 8:00 behind one NAT address.
/// </summary>
public static class SignInThrottling
{
    public const string PerIdentifiantKey = "LoginAttemptsPerMinute";
    public const string PerAddressKey = "LoginAttemptsPerAddressPerMinute";

    /// <summary>
    /// The identifiant as sign-in looks it up and the limiter counts it: " Claire.Martin " is "claire.martin".
    /// </summary>
    public static string Normalize(string? userName) => (userName ?? "").Trim().ToLowerInvariant();

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        var perIdentifiant = configuration.GetValue($"{EnoeOptions.Section}:{PerIdentifiantKey}", 10);
        var perAddress = configuration.GetValue($"{EnoeOptions.Section}:{PerAddressKey}", 300);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A form without an identifiant (a second-factor step) is counted per address under this policy too.
            o.AddPolicy(
                IdentityHosting.LoginRateLimit,
                http =>
                    PerMinute(
                        PostedUserName(http.Request) is { Length: > 0 } name ? "n|" + name : Address(http),
                        perIdentifiant
                    )
            );
            // Every request passes the global limiter: only the endpoints under the sign-in policy are counted.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSignIn(http) ? PerMinute(Address(http), perAddress) : RateLimitPartition.GetNoLimiter("")
            );
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }
        );

    private static bool IsSignIn(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName
        == IdentityHosting.LoginRateLimit;

    private static string Address(HttpContext http) =>
        "a|" + (http.Connection.RemoteIpAddress is { } a ? (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).ToString() : "");

    /// <summary>
    /// The identifiant a sign-in form posts; a malformed form (a %00 in a field) is left to the endpoint, which answers
    /// 400.
    /// </summary>
    private static string PostedUserName(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return "";
        try
        {
            return Normalize(request.Form["UserName"].ToString());
        }
        catch (InvalidDataException)
        {
            return "";
        }
    }
}
