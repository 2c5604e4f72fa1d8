using System.Security.Claims;
using Enoe.App.Hosting;
using Enoe.App.WaitingRoom;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>Open circuits are capped per person and per address; a closed one frees its place.</summary>
public sealed class CircuitLimitsTests
{
    private readonly CircuitTally _tally = new(
        Options.Create(new CircuitLimitsOptions { PerUser = 3, PerAddress = 5 })
    );

    [Fact]
    public void ThePersonsCap_RefusesTheNextTab_UntilOneCloses()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(CircuitRefusal.None, _tally.TryOpen("7", "10.0.0.1"));

        Assert.Equal(CircuitRefusal.TooManyForThePerson, _tally.TryOpen("7", "10.0.0.2"));
        Assert.Equal(CircuitRefusal.None, _tally.TryOpen("8", "10.0.0.1")); // someone else
        _tally.Close("7", "10.0.0.1");
        Assert.Equal(CircuitRefusal.None, _tally.TryOpen("7", "10.0.0.1"));
    }

    [Fact]
    public void TheAddressCap_CountsEveryoneBehindOneAddress_AndARefusalCountsNothing()
    {
        for (var person = 1; person <= 5; person++)
            Assert.Equal(CircuitRefusal.None, _tally.TryOpen(person.ToString(), "192.0.2.1"));

        Assert.Equal(CircuitRefusal.TooManyFromTheAddress, _tally.TryOpen("6", "192.0.2.1"));
        Assert.Equal(0, _tally.OpenFor("6")); // the refused tab holds no place
        Assert.Equal(CircuitRefusal.None, _tally.TryOpen("6", "198.51.100.7"));
    }

    [Fact]
    public async Task TheHandler_CountsTheSignedInPersonAndAddress_ClosesARefusedCircuit_AndFreesOnlyWhatItCounted()
    {
        var handlers = new List<CircuitLimits>();
        for (var i = 0; i < 3; i++)
        {
            var handler = Handler(_tally, new SignedIn("42", "203.0.113.9"));
            await handler.OnCircuitOpenedAsync(null!, default);
            handlers.Add(handler);
        }
        var refused = Handler(_tally, new SignedIn("42", "203.0.113.9"));

        // Thrown as it opens: Blazor closes and disposes that circuit (CircuitCapJourney counts the live ones).
        var thrown = await Assert.ThrowsAsync<CircuitRefusedException>(() =>
            refused.OnCircuitOpenedAsync(null!, default)
        );
        Assert.Equal(CircuitRefusal.TooManyForThePerson, refused.Refusal);
        await refused.OnCircuitClosedAsync(null!, default); // counted nothing, frees nothing
        Assert.Equal(3, _tally.OpenFor("42"));
        await handlers[0].OnCircuitClosedAsync(null!, default);
        await handlers[0].OnCircuitClosedAsync(null!, default); // closed twice: freed once
        Assert.Equal(2, _tally.OpenFor("42"));
        Assert.Contains("TooManyForThePerson", thrown.Message);
    }

    private static CircuitLimits Handler(CircuitTally tally, AuthenticationStateProvider signedIn) =>
        new(tally, new WaitingLine(tally, Options.Create(tally.Limits), TimeProvider.System), signedIn);

    [Fact]
    public async Task AnOpenedCircuit_FreesThePlaceTheWaitingLineKeptForItsPerson()
    {
        var tally = new CircuitTally(
            Options.Create(new CircuitLimitsOptions { Capacity = 2, AdmissionsPerSecond = 0 })
        );
        var line = new WaitingLine(tally, Options.Create(tally.Limits), TimeProvider.System);
        Assert.True(line.Enter("42").In); // a seat kept for 42's page

        await new CircuitLimits(tally, line, new SignedIn("42", "203.0.113.11")).OnCircuitOpenedAsync(null!, default);

        Assert.True(line.Enter("43").In); // 42's circuit and 43's seat: the capacity, not past it
        Assert.False(line.Enter("44").In);
    }

    [Fact]
    public async Task APageRequest_BeyondTheCap_IsRefusedBeforeAnyCircuit_AndCountsNothing()
    {
        for (var i = 0; i < 3; i++)
            await Handler(_tally, new SignedIn("9", "203.0.113.10")).OnCircuitOpenedAsync(null!, default);
        var page = Handler(_tally, new SignedIn("9", "203.0.113.10"));

        Assert.False(page.AdmitsNewTab(SignedIn.Principal("9", "203.0.113.10")));
        Assert.Equal(3, _tally.OpenFor("9"));
        Assert.True(page.AdmitsNewTab(SignedIn.Principal("10", "203.0.113.10")));
        Assert.Null(page.Message);
    }

    [Fact]
    public async Task IPv6Tabs_AreCountedByTheirSlash64()
    {
        var tally = new CircuitTally(Options.Create(new CircuitLimitsOptions { PerUser = 10, PerAddress = 2 }));
        await Handler(tally, new SignedIn("1", "2001:db8:1:2::10")).OnCircuitOpenedAsync(null!, default);
        await Handler(tally, new SignedIn("2", "2001:db8:1:2:aaaa::1")).OnCircuitOpenedAsync(null!, default);

        var third = Handler(tally, new SignedIn("3", "2001:db8:1:2:ffff::9"));
        Assert.False(third.AdmitsNewTab(SignedIn.Principal("3", "2001:db8:1:2:ffff::9")));
        Assert.Equal(CircuitRefusal.TooManyFromTheAddress, third.Refusal);
        Assert.True(third.AdmitsNewTab(SignedIn.Principal("3", "2001:db8:1:3::9"))); // the next /64
    }

    [Fact]
    public void TheRefusal_TellsThePersonWhatToDo_InTheirLanguage()
    {
        for (var i = 0; i < 3; i++)
            _tally.TryOpen("9", "203.0.113.10");
        var refused = Handler(_tally, new SignedIn("9", "203.0.113.10"));
        refused.AdmitsNewTab(SignedIn.Principal("9", "203.0.113.10"));

        Assert.Equal(
            "Vous avez déjà 3 onglets ENOE ouverts, le maximum. Fermez-en un, puis rechargez cette page.",
            refused.Message
        );
        using (new InEnglish())
            Assert.Equal(
                "You already have 3 ENOE tabs open, the most allowed. Close one, then reload this page.",
                refused.Message
            );
    }

    private sealed class SignedIn(string personId, string address) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(Principal(personId, address)));

        public static ClaimsPrincipal Principal(string personId, string address) =>
            new(
                new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, personId), new Claim(EnoeClaims.ClientAddress, address)],
                    "test"
                )
            );
    }
}
