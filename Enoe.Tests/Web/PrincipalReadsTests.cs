using System.Security.Claims;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>
/// A principal is built at each sign-in and at the security stamp's check, once a minute per signed-in person: it
/// reads the person's memberships, nothing else (no claims are kept per person in Identity's table).
/// </summary>
public sealed class PrincipalReadsTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    [Fact]
    public async Task BuildingAPrincipal_ReadsTheMembershipsOnly()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Person>>();
        var lucas = (await users.FindByNameAsync("lucas.martin"))!;
        app.Commands.Reset();

        var principal = await claims.CreateAsync(lucas);

        Assert.Equal("lucas.martin", principal.FindFirstValue(ClaimTypes.Name));
        Assert.Contains(principal.Claims, c => c.Type == EnoeClaims.School);
        // The app's own background work may query meanwhile: only the principal's reads are looked at.
        var reads = app.Commands.Texts.Where(c => c.Contains("\"Memberships\"") || c.Contains("AspNetUserClaims"));
        Assert.Contains("\"Memberships\"", Assert.Single(reads));
    }

    [Fact]
    public async Task TheStampsCheck_ReadsThePersonAndTheMemberships_AndRefusesAnotherStamp()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var factory = app.Services.GetRequiredService<EnoeClaimsPrincipalFactory>();
        var lucas = (await users.FindByNameAsync("lucas.martin"))!;
        var cookie = await factory.CreateAsync(lucas);
        // What Identity's own factory would have put in comes first, the same (ENOE's claims follow).
        var identity = await new UserClaimsPrincipalFactory<Person>(
            users,
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>()
        ).CreateAsync(lucas);
        Assert.Equal(Pairs(identity), Pairs(cookie)[..Pairs(identity).Length]);
        Assert.Equal(identity.Identity!.AuthenticationType, cookie.Identity!.AuthenticationType);
        app.Commands.Reset();

        var fresh = await factory.RefreshAsync(cookie);

        Assert.NotNull(fresh);
        Assert.Equal(Pairs(cookie), Pairs(fresh));
        // Only the check's reads: the app's own background work may query meanwhile.
        var reads = app.Commands.Texts.Where(c => c.Contains("FROM \"People\"") || c.Contains("FROM \"Memberships\""));
        Assert.True(reads.Count() == 2, app.Commands.Log); // the person, their memberships

        var stampType = new IdentityOptions().ClaimsIdentity.SecurityStampClaimType;
        var stale = new ClaimsPrincipal(
            new ClaimsIdentity(
                cookie.Claims.Where(c => c.Type != stampType).Append(new Claim(stampType, "un autre")),
                IdentityConstants.ApplicationScheme
            )
        );
        Assert.Null(await factory.RefreshAsync(stale));
    }

    private static string[] Pairs(ClaimsPrincipal principal) =>
        [.. principal.Claims.Select(c => $"{c.Type}={c.Value}")];
}
