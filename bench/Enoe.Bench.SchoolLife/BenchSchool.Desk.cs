using System.Diagnostics;
using System.Security.Claims;
using Enoe.Data.People;
using Enoe.Widgets;
using Enoe.Widgets.SchoolLife;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enoe.Bench.SchoolLife;

/// <summary>
/// The CPE's desk (<c>/vie-scolaire</c>) rendered as the server prerenders it: Blazor's <see cref="HtmlRenderer"/>
/// over the page's own services, signed in as the CPE, on the bench's day (the clock stands at its 15:00 UTC).
/// </summary>
public sealed partial class BenchSchool
{
    private static void AddDeskServices(IServiceCollection services, BenchSchool school)
    {
        services.AddLocalization();
        services.AddEnoeWidgets();
        services.AddScoped<AuthenticationStateProvider>(_ => new SignedIn(school));
        services.AddScoped<IJSRuntime, NoBrowser>();
    }

    /// <summary>One render of the whole page, in a new scope (one circuit); its length and the commands it sent.</summary>
    public async Task<(double Ms, int Commands, int Rows)> RenderDeskAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        _counter.Reset();
        var clock = Stopwatch.StartNew();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, Get<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<SchoolLifePage>()).ToHtmlString()
        );
        var ms = clock.Elapsed.TotalMilliseconds;
        var rows = html.Split("data-absence=").Length - 1;
        if (rows == 0)
            throw new InvalidOperationException("The desk shows no absence:\n" + html[..Math.Min(2000, html.Length)]);
        return (ms, _counter.Count, rows);
    }

    private sealed class SignedIn(BenchSchool school) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var cpe = school._direction;
            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, cpe.PersonId.ToString()),
                    new Claim(EnoeClaims.School, cpe.SchoolId.ToString()!),
                    new Claim(EnoeClaims.Profile, Profile.Staff.ToString()),
                ],
                "bench"
            );
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        }
    }

    /// <summary>Prerendering has no browser: nothing calls it before the circuit starts.</summary>
    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException("No browser while prerendering.");

        public ValueTask<TValue> InvokeAsync<TValue>(
            string identifier,
            CancellationToken cancellationToken,
            object?[]? args
        ) => throw new InvalidOperationException("No browser while prerendering.");
    }

    /// <summary>The clock of the bench's day, standing still.</summary>
    private sealed class StandingClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
