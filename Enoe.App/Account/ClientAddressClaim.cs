using System.Security.Claims;
using Enoe.Data.People;
using Microsoft.AspNetCore.Authentication;

namespace Enoe.App.Account;

/// <summary>
/// Puts the address this request comes from (after the trusted proxies) on the signed-in person, as
/// <see cref="EnoeClaims.ClientAddress"/>, at every authentication: pages, endpoints, and the Blazor hub's request
/// whose principal becomes the circuit's. Whatever such claim arrived is dropped first. It works on a copy: the
/// cookie handler may write the principal it read back into a renewed cookie, and the address must never be stored
/// there (a cookie taken home would carry the school's address with it).
/// </summary>
internal sealed class ClientAddressClaim(IHttpContextAccessor http) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true })
            return Task.FromResult(principal);
        // ClaimsPrincipal.Clone() shares the identities: clone them, so the handler's principal keeps no address.
        var copy = new ClaimsPrincipal(principal.Identities.Select(i => i.Clone()));
        Strip(copy);
        var identity = (ClaimsIdentity)copy.Identity!;
        if (http.HttpContext?.Connection.RemoteIpAddress is { } address)
            identity.AddClaim(
                new Claim(
                    EnoeClaims.ClientAddress,
                    (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
                )
            );
        return Task.FromResult(copy);
    }

    /// <summary>
    /// Drops the address from a principal about to be written into the sign-in cookie (sign-in, school or child
    /// switch).
    /// </summary>
    public static void Strip(ClaimsPrincipal? principal)
    {
        foreach (var identity in principal?.Identities ?? [])
        foreach (var claim in identity.FindAll(EnoeClaims.ClientAddress).ToList())
            identity.RemoveClaim(claim);
    }
}
