using Enoe.App.Account;
using Enoe.App.Files;
using Enoe.App.PublicSite;
using Enoe.App.SingleSignOn;
using Enoe.App.WaitingRoom;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Localization;

namespace Enoe.App.Hosting;

public static class PipelineHosting
{
    public static WebApplication UseEnoePipeline(this WebApplication app)
    {
        // Build the widget catalogue now: two widgets with one key stop the app at start-up, not at first use.
        app.Services.GetRequiredService<Enoe.Widgets.Abstractions.WidgetCatalog>();
        // First: everything after (the sign-in rate limit, the external-access policy) sees the real client address.
        app.UseForwardedHeaders();
        app.UseEnoeMonitoring(); // the client address on every log; /metrics only to loopback and allowed networks
        app.UseEnoeSecurityHeaders(); // CSP with a nonce, nosniff, referrer and permissions, on every response
        if (app.Environment.IsProduction())
            app.UseHsts(); // after the forwarded headers: only requests that came over HTTPS (to the proxy) get it
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/erreur", createScopeForErrors: true);
        // Pages people navigate to get the friendly 404 page; form posts and endpoints keep their own status.
        app.UseWhen(
            http => HttpMethods.IsGet(http.Request.Method),
            get => get.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true)
        );
        app.UseMiddleware<PublicSiteHostMapping>();
        app.UseRequestLocalization(
            new RequestLocalizationOptions
            {
                DefaultRequestCulture = new RequestCulture("fr-FR"),
                SupportedCultures = InterfaceHosting.Cultures,
                SupportedUICultures = InterfaceHosting.Cultures,
                // Only the user's explicit choice (the language cookie) moves away from French.
                RequestCultureProviders = [new CookieRequestCultureProvider()],
            }
        );
        app.UseRouting();
        app.UseAuthentication();
        app.UseCircuitAdmission(); // no new connection to the circuit hub beyond the caps on open tabs
        app.UseCircuitCompressionSetting(); // uncompressed unless switched on: a compressor per open tab costs 330 KB
        app.UseSignInThrottling(); // the form read asynchronously, then the rate limiter
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
        app.UseWaitingRoom(); // past the node's capacity, a page that opens a tab sends newcomers to wait their turn
        // Whatever renders in a request's scope renders once, to HTML (late in the pipeline: pages re-executed for
        // an error or a 404 get a scope of their own).
        app.Use(
            (http, next) =>
            {
                http.RequestServices.GetRequiredService<Enoe.Widgets.Common.RenderScope>().MarkStatic();
                return next(http);
            }
        );
        app.UseAntiforgery();
        app.UseOutputCache(); // the public site's pages for anonymous readers (PublicSite/PublicSiteCache)
        return app;
    }

    public static WebApplication MapEnoeEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapEnoeMonitoring(); // /health, /health/ready, /metrics
        app.MapMemoryDiagnostics();
        app.MapAccountEndpoints();
        app.MapCasEndpoints(); // /cas/login, /cas/serviceValidate…: ENOE as the resources' single sign-on
        app.MapOidcEndpoints(); // /oidc/authorize, /oidc/token…: the same, in OpenID Connect
        app.MapWaitingRoom(); // /file-d-attente
        app.MapFileEndpoints();
        app.MapUiModules(); // each service's own downloads and exports
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode() // its compression: UseCircuitCompressionSetting above
            .AddAdditionalAssemblies(typeof(Enoe.Widgets.WidgetsServiceCollectionExtensions).Assembly);
        // An address nothing answers is a 404 for everyone (the friendly page, through the status code
        // pages above), not a sign-in: the sign-in policy guards pages that exist.
        app.MapFallback("{**path}", () => Results.NotFound()).AllowAnonymous();
        return app;
    }
}
