using System.Threading.RateLimiting;
using Enoe.App.Account;
using Microsoft.AspNetCore.RateLimiting;

namespace Enoe.App.Hosting;

/// <summary>
/// Sign-in posts are limited twice: per account, whatever address tries it (guessing one account's password), and
/// per address, whatever accounts it tries (trying one password on many accounts). The address limit is generous:
/// a whole collège signs in at 8:00 behind one NAT address. What an attempt is counted by is found beforehand, form
/// read asynchronously (<see cref="SignInAttempts"/>): the limiter's partitioner only reads it back, since it runs
/// synchronously and reading a body there held a thread as long as a slow client cared to send it.
/// </summary>
public static class SignInThrottling
{
    public const string PerIdentifiantKey = "LoginAttemptsPerMinute";
    public const string PerAddressKey = "LoginAttemptsPerAddressPerMinute";

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        var perIdentifiant = configuration.GetValue($"{EnoeOptions.Section}:{PerIdentifiantKey}", 10);
        var perAddress = configuration.GetValue($"{EnoeOptions.Section}:{PerAddressKey}", 300);
        services.AddSingleton(new SignInLimits(perIdentifiant, perAddress));
        services.AddSingleton<SharedSignInCounts>(); // with Redis, the counts all instances share
        services.AddOptions<SignInFailureOptions>().BindConfiguration(SignInFailureOptions.Section);
        services.AddSingleton<SignInFailureFloor>();
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // An attempt with no account to count (no identifiant typed, no second-factor cookie) is counted per
            // address only, by the global limiter below.
            o.AddPolicy(
                IdentityHosting.LoginRateLimit,
                http =>
                    SignInAttempts.CountedAs(http) is { } account
                        ? PerMinute(account, perIdentifiant)
                        : RateLimitPartition.GetNoLimiter("")
            );
            // Every request passes the global limiter: only the endpoints under the sign-in policy are counted.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSignIn(http)
                    ? PerMinute("a|" + ClientAddressKey.Of(http.Connection.RemoteIpAddress), perAddress)
                    : RateLimitPartition.GetNoLimiter("")
            );
        });
    }

    /// <summary>
    /// The sign-in limits in the pipeline: what each attempt is counted by (read asynchronously), then the limiter.
    /// </summary>
    public static IApplicationBuilder UseSignInThrottling(this IApplicationBuilder app) =>
        app.UseMiddleware<SignInAttempts>().UseRateLimiter();

    /// <summary>
    /// Puts an endpoint under the sign-in limits, its attempts counted by the identifiant its form posts (the
    /// default) or, for <see cref="SignInStep.Code"/>, by the account in the second-factor cookie.
    /// </summary>
    public static RouteHandlerBuilder RequireSignInThrottling(this RouteHandlerBuilder endpoint, SignInStep step) =>
        endpoint.RequireRateLimiting(IdentityHosting.LoginRateLimit).WithMetadata(step);

    internal static bool IsSignIn(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName
        == IdentityHosting.LoginRateLimit;

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
}
