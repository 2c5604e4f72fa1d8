using System.Security.Claims;
using Enoe.App.Account;
using Enoe.Data.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;

namespace Enoe.App.Hosting;

/// <summary>
/// Sign-in through Entra ID (Microsoft.Identity.Web, the standard <c>AzureAd</c> section) and a generic OpenID Connect
/// provider (<c>Enoe:OpenIdConnect</c>), each only when configured. Both land in Identity's external cookie; ENOE's
/// callback (<see cref="ExternalSignInEndpoints"/>) then maps the identity to a person and signs them in through
/// SignInManager, so lockout, disabled accounts, the claims factory and revalidation all apply.
/// </summary>
public static class ExternalSignInHosting
{
    public const string EntraId = "EntraId";
    public const string OpenIdConnect = "OpenIdConnect";

    public static WebApplicationBuilder AddEnoeExternalSignIn(this WebApplicationBuilder builder)
    {
        var (services, config) = (builder.Services, builder.Configuration);
        var auth = services.AddAuthentication();
        var providers = new List<ExternalProvider>();

        var azureAd = config.GetSection("AzureAd");
        if (!string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            var settings = config.GetSection("Enoe:AzureAd").Get<ExternalProviderSettings>() ?? new();
            auth.AddMicrosoftIdentityWebApp(azureAd, openIdConnectScheme: EntraId, cookieScheme: null);
            // Registered after Microsoft.Identity.Web's own configuration, so it runs after it.
            services.Configure<OpenIdConnectOptions>(
                EntraId,
                o =>
                {
                    Adjust(o, settings);
                    if (!string.IsNullOrWhiteSpace(settings.Issuer))
                    {
                        // Microsoft's validator accepts only Microsoft's tenant issuers: check this one exactly
                        // instead.
                        o.TokenValidationParameters.IssuerValidator = null;
                        o.TokenValidationParameters.ValidIssuer = settings.Issuer;
                    }
                }
            );
            providers.Add(new(EntraId, settings));
        }

        var generic = config.GetSection("Enoe:OpenIdConnect").Get<ExternalProviderSettings>();
        if (generic is { Authority.Length: > 0, ClientId.Length: > 0 })
        {
            auth.AddOpenIdConnect(
                OpenIdConnect,
                o =>
                {
                    (o.Authority, o.ClientId, o.ClientSecret) = (
                        generic.Authority,
                        generic.ClientId,
                        generic.ClientSecret
                    );
                    (o.CallbackPath, o.SignedOutCallbackPath) = (generic.CallbackPath, generic.SignedOutCallbackPath);
                    o.ResponseType = "code";
                    o.Scope.Clear();
                    foreach (var scope in generic.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        o.Scope.Add(scope);
                    Adjust(o, generic);
                }
            );
            providers.Add(new(OpenIdConnect, generic));
        }

        services.AddSingleton(new ExternalProviders(providers));
        services.AddSingleton<ExternalIdentities>();
        services.Configure<CookieAuthenticationOptions>(
            IdentityConstants.ApplicationScheme,
            o =>
            {
                var signingIn = o.Events.OnSigningIn;
                o.Events.OnSigningIn = async context =>
                {
                    await signingIn(context);
                    await KeepProviderIdTokenAsync(context);
                };
            }
        );
        return builder;
    }

    /// <summary>
    /// What both schemes share: where the identity lands, what the provider's sign-out needs, failures.
    /// </summary>
    private static void Adjust(OpenIdConnectOptions o, ExternalProviderSettings settings)
    {
        o.SignInScheme = IdentityConstants.ExternalScheme;
        // The provider's sign-out reads the id_token (id_token_hint) from the application cookie, where
        // KeepProviderIdTokenAsync put it at sign-in.
        o.SignOutScheme = IdentityConstants.ApplicationScheme;
        o.SaveTokens = true;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        var remoteFailure = o.Events.OnRemoteFailure;
        o.Events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            if (context.Result is not null)
                return;
            context
                .HttpContext.RequestServices.GetRequiredService<ILogger<ExternalProvider>>()
                .LogWarning(context.Failure, "External sign-in through {Scheme} failed", context.Scheme.Name);
            context.Response.Redirect(ExternalSignInEndpoints.Refused("echec"));
            context.HandleResponse();
        };
        var signOut = o.Events.OnRedirectToIdentityProviderForSignOut;
        o.Events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            await signOut(context);
            // RP-initiated logout names the client too (needed when the id_token is missing or expired).
            context.ProtocolMessage.ClientId ??= context.Options.ClientId;
        };
    }

    /// <summary>
    /// A person signed in through a provider keeps that provider's id_token in the application cookie: the provider's
    /// sign-out asks for it (id_token_hint). Only the id_token: the access token is not needed and would swell the
    /// cookie.
    /// </summary>
    private static async Task KeepProviderIdTokenAsync(CookieSigningInContext context)
    {
        var method = context.Principal?.FindFirstValue(ClaimTypes.AuthenticationMethod);
        if (method is null)
            return;
        var external = await context.HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (
            external.Succeeded
            && external.Properties.Items.TryGetValue("LoginProvider", out var provider)
            && provider == method
            && external.Properties.GetTokenValue("id_token") is { } idToken
        )
            context.Properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
    }
}
