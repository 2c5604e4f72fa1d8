using Enoe.Data.Events;
using Enoe.Data.Sessions;
using Enoe.Data.SingleSignOn;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// CAS single logout: when sign-in sessions end (signing out, revoked, expired), each service they were handed to
/// receives a POST with the form field <c>logoutRequest</c>, so that its own session ends too. Each hand-off is
/// claimed once in the database: with several instances, one posts. A service that does not answer within a few
/// seconds is not asked again (the specification's "best effort").
/// </summary>
internal sealed class CasSingleLogout(
    IEventBus events,
    CasService cas,
    IHttpClientFactory clients,
    TimeProvider clock,
    ILogger<CasSingleLogout> logger
) : IHostedService
{
    public const string Client = "cas-single-logout";
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = events.Subscribe<SessionsEnded>(OnEndedAsync);
        return Task.CompletedTask;
    }

    private async Task OnEndedAsync(SessionsEnded ended)
    {
        var logouts = await cas.ClaimLogoutsAsync(ended.SessionIds);
        await Task.WhenAll(logouts.Select(PostAsync));
    }

    private async Task PostAsync(CasLogout logout)
    {
        try
        {
            var form = new FormUrlEncodedContent([
                KeyValuePair.Create("logoutRequest", CasResponses.LogoutRequest(logout.TicketId, Now)),
            ]);
            using var response = await clients.CreateClient(Client).PostAsync(logout.Service, form);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogInformation("CAS single logout to {Service} went unanswered: {Error}", logout.Service, e.Message);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
