using System.Threading.RateLimiting;
using Enoe.App.Account;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Enoe.App.Hosting;

public static class IdentityHosting
{
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddEnoeIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Enoe.Auth";
            o.LoginPath = "/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The client's address is added to each request (ClientAddressClaim), never kept in the cookie.
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = context =>
            {
                ClientAddressClaim.Strip(context.Principal);
                return signingIn(context);
            };
        });
        services.AddHttpContextAccessor();
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, ClientAddressClaim>();
        services
            .AddIdentityCore<Person>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_";
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled (EnabledAccountsOnly)
            })
            .AddEntityFrameworkStores<EnoeDbContext>()
            .AddUserManager<EnoeUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<EnoeClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddScoped<IUserConfirmation<Person>, EnabledAccountsOnly>();
        // A disabled account or a changed password ends the person's other sessions within a minute, pages and
        // circuits alike (RevalidatingIdentityStateProvider checks circuits at the same pace).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = AccountRevalidation.Interval);
        services.AddScoped<AccountAdministration>();
        builder.AddEnoeExternalSignIn(); // Entra ID and an OpenID Connect provider, when configured

        services
            .AddAuthorizationBuilder()
            // Every endpoint requires a signed-in person unless it says [AllowAnonymous] (public site, sign-in).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (name, profiles) in Policies.Profiles)
            services
                .AddAuthorizationBuilder()
                .AddPolicy(name, p => p.RequireClaim(EnoeClaims.Profile, profiles.Split().Select(x => x.ToString())));

        // "Service:memos" and the like, one per ENT service the modules declare (Policies.Running).
        services
            .AddOptions<AuthorizationOptions>()
            .Configure<Enoe.Data.Modules.EntServiceCatalog>(
                (o, catalog) =>
                {
                    foreach (var service in catalog.All)
                        o.AddPolicy(
                            Policies.Running(service),
                            p => p.AddRequirements(new ServiceRunningRequirement(service))
                        );
                }
            );
        services.AddSingleton<IAuthorizationHandler, ServiceRunningHandler>();
        services.AddSingleton<
            Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler,
            ServiceRefusalResponses
        >();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        var attempts = builder.Configuration.GetValue(
            $"{EnoeOptions.Section}:{nameof(EnoeOptions.LoginAttemptsPerMinute)}",
            10
        );
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Keyed by address *and* user name: a whole collège signs in at 8:00 behind one NAT address.
            o.AddPolicy(
                LoginRateLimit,
                http =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        $"{http.Connection.RemoteIpAddress}|{PostedUserName(http.Request)}",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = attempts,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }
                    )
            );
        });
        return builder;
    }

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
            return request.Form["UserName"].ToString().ToLowerInvariant();
        }
        catch (InvalidDataException)
        {
            return "";
        }
    }
}
