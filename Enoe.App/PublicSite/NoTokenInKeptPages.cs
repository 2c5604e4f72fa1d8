using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Enoe.App.PublicSite;

/// <summary>
/// Blazor asks for an antiforgery token on every page it renders, forms or not, and writes it into the page (its
/// persisted state) and a cookie: a page kept for every reader would hand them one reader's token, and a response
/// setting a cookie is never kept. A kept page has no form: it gets no token, and no cookie is set.
/// </summary>
internal sealed class NoTokenInKeptPages(IAntiforgery framework, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        PublicSiteCache.MayKeep(httpContext) ? None() : framework.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        PublicSiteCache.MayKeep(httpContext) ? None() : framework.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => framework.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => framework.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => framework.SetCookieTokenAndHeader(httpContext);

    private AntiforgeryTokenSet None() => new(null, null, options.Value.FormFieldName, options.Value.HeaderName);
}
