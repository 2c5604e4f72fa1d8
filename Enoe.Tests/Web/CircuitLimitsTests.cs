using System.Security.Claims;
using Enoe.App.Hosting;
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
    public async Task TheHandler_CountsTheSignedInPersonAndAddress_AndClosingFreesOnlyWhatItCounted()
    {
        var handlers = new List<CircuitLimits>();
        for (var i = 0; i < 4; i++)
        {
            var handler = new CircuitLimits(_tally, new SignedIn("42", "203.0.113.9"));
            await handler.OnCircuitOpenedAsync(null!, default);
            handlers.Add(handler);
        }

        Assert.Equal(
            [CircuitRefusal.None, CircuitRefusal.None, CircuitRefusal.None, CircuitRefusal.TooManyForThePerson],
            handlers.Select(h => h.Refusal)
        );
        await handlers[3].OnCircuitClosedAsync(null!, default); // the refused one: counted nothing, frees nothing
        Assert.Equal(3, _tally.OpenFor("42"));
        await handlers[0].OnCircuitClosedAsync(null!, default);
        await handlers[0].OnCircuitClosedAsync(null!, default); // closed twice: freed once
        Assert.Equal(2, _tally.OpenFor("42"));
    }

    [Fact]
    public async Task TheRefusal_TellsThePersonWhatToDo_InTheirLanguage()
    {
        CircuitLimits Open() => new(_tally, new SignedIn("9", "203.0.113.10"));
        for (var i = 0; i < 3; i++)
            await Open().OnCircuitOpenedAsync(null!, default);
        var refused = Open();
        await refused.OnCircuitOpenedAsync(null!, default);

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
            Task.FromResult(
                new AuthenticationState(
                    new ClaimsPrincipal(
                        new ClaimsIdentity(
                            [
                                new Claim(ClaimTypes.NameIdentifier, personId),
                                new Claim(EnoeClaims.ClientAddress, address),
                            ],
                            "test"
                        )
                    )
                )
            );
    }
}
