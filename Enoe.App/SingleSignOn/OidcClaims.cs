using System.Globalization;
using System.Security.Claims;
using Enoe.Data.SingleSignOn;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// Who a grant is for, kept in codes and tokens: the person, the établissement they worked in, the ENOE session it was
/// made in (a refresh stops when it ends), the client.
/// </summary>
internal sealed record OidcGrant(int PersonId, int? SchoolId, Guid? SessionId, string ClientId)
{
    /// <summary>Read back from a code, refresh token or access token OpenIddict has checked.</summary>
    public static OidcGrant Of(ClaimsPrincipal principal, string clientId) =>
        new(
            int.Parse(principal.GetClaim(OidcClaims.Person)!, CultureInfo.InvariantCulture),
            principal.GetClaim(OidcClaims.School) is { } school
                ? int.Parse(school, CultureInfo.InvariantCulture)
                : null,
            Guid.TryParse(principal.GetClaim(OidcClaims.Session), out var session) ? session : null,
            clientId
        );
}

/// <summary>
/// What an OpenID Connect client learns: <c>sub</c> is the login (what CAS returns as the user), then the attributes
/// its registration releases under the same names as CAS (<c>ENTPersonProfils</c>…), then, for the scopes granted,
/// the standard claims read from them (<c>family_name</c> from <c>ENTPersonNom</c> or <c>nom</c>…). ENOE's own ids
/// go only into the access token, which OpenIddict encrypts: the provider reads them back, the client cannot.
/// </summary>
internal static class OidcClaims
{
    public const string Person = "enoe:person",
        School = "enoe:school",
        Session = "enoe:session",
        SessionId = "sid"; // OpenID Connect's session id, which back-channel logout names (OidcService.SessionIdFor)

    /// <summary>The scopes a client may be granted; others asked for are ignored.</summary>
    public static readonly string[] Scopes =
    [
        OpenIddictConstants.Scopes.OpenId,
        OpenIddictConstants.Scopes.Profile,
        OpenIddictConstants.Scopes.Email,
        OpenIddictConstants.Scopes.OfflineAccess,
    ];

    /// <summary>Standard claims and the attributes they are read from, in either vocabulary.</summary>
    private static readonly (string Claim, string Scope, string[] From)[] Standard =
    [
        (Claims.FamilyName, OpenIddictConstants.Scopes.Profile, ["ENTPersonNom", "nom"]),
        (Claims.GivenName, OpenIddictConstants.Scopes.Profile, ["ENTPersonPrenom", "prenom"]),
        (Claims.Email, OpenIddictConstants.Scopes.Email, ["mail"]),
    ];

    /// <summary>The identity OpenIddict signs into tokens for <paramref name="person"/>.</summary>
    public static ClaimsIdentity Identity(
        CasIdentity person,
        OidcGrant grant,
        IEnumerable<string> scopes,
        DateTimeOffset? authenticatedAt
    )
    {
        var identity = new ClaimsIdentity(
            OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            Claims.Name,
            Claims.Role
        );
        string[] granted = [.. scopes.Intersect(Scopes)];
        identity.SetScopes(granted);
        foreach (var (name, value) in Claimed(person, granted))
            identity.AddClaim(new Claim(name, value));
        identity.SetClaim(Person, grant.PersonId);
        if (grant.SchoolId is int school)
            identity.SetClaim(School, school);
        if (grant.SessionId is { } session)
        {
            identity.SetClaim(Session, session.ToString()); // no destination: kept in codes and refresh tokens only
            identity.SetClaim(SessionId, OidcService.SessionIdFor(session, grant.ClientId));
        }
        if (authenticatedAt is { } at)
            identity.SetClaim(Claims.AuthenticationTime, at.ToUnixTimeSeconds());
        identity.SetDestinations(c =>
            c.Type switch
            {
                Session => [],
                Person or School => [Destinations.AccessToken],
                _ => [Destinations.IdentityToken, Destinations.AccessToken],
            }
        );
        return identity;
    }

    /// <summary>
    /// The claims as <c>/oidc/userinfo</c> answers them: one value as a string, several as an array (the CAS
    /// attributes are lists).
    /// </summary>
    public static Dictionary<string, object> UserInfo(CasIdentity person, IEnumerable<string> scopes) =>
        Claimed(person, [.. scopes])
            .GroupBy(c => c.Name)
            .ToDictionary(
                g => g.Key,
                g => g.Count() == 1 && !IsList(g.Key) ? (object)g.First().Value : g.Select(c => c.Value).ToArray()
            );

    private static IEnumerable<(string Name, string Value)> Claimed(CasIdentity person, string[] scopes)
    {
        yield return (Claims.Subject, person.User);
        if (scopes.Contains(OpenIddictConstants.Scopes.Profile))
            yield return (Claims.PreferredUsername, person.User);
        var attributes = person.Attributes.ToDictionary(a => a.Key, a => a.Value);
        foreach (var (claim, scope, from) in Standard)
            if (scopes.Contains(scope) && from.FirstOrDefault(attributes.ContainsKey) is { } source)
                yield return (claim, attributes[source][0]);
        // The released attributes come with the profile scope (mail with email): a client asking for openid alone
        // learns the login and nothing more about a minor.
        foreach (var (name, values) in person.Attributes)
            if (scopes.Contains(name == "mail" ? OpenIddictConstants.Scopes.Email : OpenIddictConstants.Scopes.Profile))
                foreach (var value in values)
                    yield return (name, value);
    }

    /// <summary>
    /// Profiles and classes are lists even with one value: a client reads them the same way every time.
    /// </summary>
    private static bool IsList(string name) => name is "ENTPersonProfils" or "ENTEleveClasses" or "eleveClasses";
}
