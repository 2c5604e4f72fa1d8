using System.Net;
using System.Security.Claims;
using Enoe.App.Account;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Enoe.Tests.Support.SasAppFactory;

namespace Enoe.Tests.Web;

/// <summary>
/// The client's address is a claim of each request, never of the sign-in cookie: a cookie written at school and
/// carried home must not say "inside".
/// </summary>
[Collection(ExternalAccessTests.Name)]
public sealed class ClientAddressClaimTests(SasAppFactory app)
{
    [Fact]
    public async Task SignIn_AndASchoolSwitch_WriteNoClientAddressIntoTheCookie()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(PeerHeader, Inside);
        var signedIn = await client.SignInAsync("claire.fontaine");
        Assert.NotNull(SignInTicket(signedIn).Principal.FindFirst(EnoeClaims.School));
        Assert.Null(SignInTicket(signedIn).Principal.FindFirst(EnoeClaims.ClientAddress));

        var (hugo, pasteur) = await SchoolIdsAsync();
        var moved = await client.PostFormAsync(
            "/connexion",
            "/compte/etablissement",
            new() { ["schoolId"] = $"{pasteur}" }
        );
        Assert.Equal(pasteur.ToString(), SignInTicket(moved).Principal.FindFirstValue(EnoeClaims.School));
        Assert.Null(SignInTicket(moved).Principal.FindFirst(EnoeClaims.ClientAddress));
        var back = await client.PostFormAsync(
            "/connexion",
            "/compte/etablissement",
            new() { ["schoolId"] = $"{hugo}" }
        );
        Assert.Null(SignInTicket(back).Principal.FindFirst(EnoeClaims.ClientAddress));
    }

    [Fact]
    public async Task AChildSwitch_WritesNoClientAddressIntoTheCookie()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(PeerHeader, Inside);
        await client.SignInAsync("sophie.martin");
        int lucas,
            emma;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            lucas = (await db.Users.SingleAsync(u => u.UserName == "lucas.martin")).Id;
            emma = (await db.Users.SingleAsync(u => u.UserName == "emma.martin")).Id;
        }
        var chosen = await client.PostFormAsync("/connexion", "/compte/enfant", new() { ["childId"] = $"{emma}" });
        Assert.Null(SignInTicket(chosen).Principal.FindFirst(EnoeClaims.ClientAddress));
        await client.PostFormAsync("/connexion", "/compte/enfant", new() { ["childId"] = $"{lucas}" });
    }

    [Fact]
    public async Task TheClaim_IsTheRequestsAddress_OnACopy_WhateverTheCookieCarried()
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:" + Inside);
        var cookie = new ClaimsPrincipal(
            new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(EnoeClaims.ClientAddress, Outside)],
                "Identity.Application"
            )
        );

        var transformed = await new ClientAddressClaim(new HttpContextAccessor { HttpContext = http }).TransformAsync(
            cookie
        );

        Assert.Equal([Inside], transformed.FindAll(EnoeClaims.ClientAddress).Select(c => c.Value));
        Assert.Equal(IPAddress.Parse(Inside), CurrentUser.From(transformed)!.ClientAddress);
        // The cookie handler's own principal (which a sliding renewal writes back) is left as it was.
        Assert.Equal([Outside], cookie.FindAll(EnoeClaims.ClientAddress).Select(c => c.Value));
    }

    private async Task<(int Hugo, int Pasteur)> SchoolIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ids = await scope
            .ServiceProvider.GetRequiredService<EnoeDbContext>()
            .Schools.ToDictionaryAsync(s => s.Slug, s => s.Id);
        return (ids["college-victor-hugo"], ids["college-pasteur-dole"]);
    }

    /// <summary>The sign-in cookie a response sets, decrypted as the app reads it.</summary>
    private AuthenticationTicket SignInTicket(HttpResponseMessage response)
    {
        var cookies = response
            .Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0].Split('=', 2))
            .ToDictionary(c => c[0], c => c[1]);
        var value = cookies[".Enoe.Auth"];
        if (value.StartsWith("chunks-", StringComparison.Ordinal))
            value = string.Concat(Enumerable.Range(1, int.Parse(value[7..])).Select(i => cookies[$".Enoe.AuthC{i}"]));
        var options = app
            .Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(value)!;
    }
}
