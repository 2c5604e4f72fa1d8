using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Enoe.App.Account;

/// <summary>
/// The second factor at sign-in: its services (they use Identity's UserManager), the code step's endpoint and the
/// "remember this device" cookie.
/// </summary>
public sealed class TwoFactorModule : UiModule
{
    /// <summary>How long a device the person chose to remember skips the code.</summary>
    public static readonly TimeSpan RememberedDevice = TimeSpan.FromDays(30);

    public override void AddServices(IServiceCollection services)
    {
        services.AddScoped<TwoFactorAccount>();
        services.AddScoped<TwoFactorAdministration>();
        // Identity's store registers with TryAdd: this one, registered either side of it, is the one used.
        services.AddScoped<IUserStore<Person>, TwoFactorRecoveryCodeStore>();
        // Each app code once per person: after Identity's own registration of its authenticator provider.
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section);
        services.AddTransient<TwoFactorCodeOnce>();
        services.PostConfigure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new(typeof(TwoFactorCodeOnce))
        );
        services.Configure<CookieAuthenticationOptions>(
            IdentityConstants.TwoFactorRememberMeScheme,
            o =>
            {
                o.Cookie.Name = ".Enoe.Device";
                o.ExpireTimeSpan = RememberedDevice;
            }
        );
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTwoFactorEndpoints();
}
