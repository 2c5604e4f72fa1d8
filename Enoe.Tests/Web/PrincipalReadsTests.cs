using System.Security.Claims;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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
}
