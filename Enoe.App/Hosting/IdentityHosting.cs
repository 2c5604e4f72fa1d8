using Enoe.App.Account;
using Enoe.App.SingleSignOn;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            o.ExpireTimeSpan = Enoe.Data.Sessions.SignInSessions.Lifetime;
            o.SlidingExpiration = true;
            // The client's address is added to each request (ClientAddressClaim), never kept in the cookie.
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = context =>
            {
                ClientAddressClaim.Strip(context.Principal);
                return signingIn(context);
            };
            SessionCookie.AddTo(o.Events); // a server-side session behind every cookie: signing out ends it
        });
        // Behind a proxy that ends TLS the request looks like plain HTTP: the cookies say Secure anyway.
        if (!builder.Environment.IsDevelopment())
            services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o =>
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always
            );
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365)); // Production only (PipelineHosting)
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
            .AddSignInManager<EnoeSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        // A singleton: it needs no user manager (see its remarks), and the security stamp's check asks it directly.
        services.AddSingleton<EnoeClaimsPrincipalFactory>();
        services.Replace(
            ServiceDescriptor.Singleton<IUserClaimsPrincipalFactory<Person>>(sp =>
                sp.GetRequiredService<EnoeClaimsPrincipalFactory>()
            )
        );
        services.AddScoped<IUserConfirmation<Person>, EnabledAccountsOnly>();
        // Signing out, a changed password or a disabled account end sessions at once (SignInSessions); the security
        // stamp is checked every minute too, pages and open tabs alike (CircuitSignInWatch).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = CircuitSignInWatch.Interval;
            o.OnRefreshingPrincipal = SessionCookie.KeepOnRefresh;
        });
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
        services.AddSingleton<CircuitSignInWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<CircuitSignInWatch>());
        services.AddScoped<AuthenticationStateProvider, WatchedAuthenticationStateProvider>();

        // ENOE as the CAS server of the ressources académiques: single logout tells each service a session used.
        services.AddHostedService<SingleSignOn.CasSingleLogout>();
        services
            .AddHttpClient(SingleSignOn.CasSingleLogout.Client, c => c.Timeout = TimeSpan.FromSeconds(5))
            // A registered service's answer never sends ENOE's server on to another address.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        // ... and its OpenID Connect provider (OpenIddict), for the resources that speak it.
        services.AddEnoeOpenIdConnectProvider(builder.Environment, builder.Configuration);

        services.AddSignInThrottling(builder.Configuration);
        return builder;
    }
}
