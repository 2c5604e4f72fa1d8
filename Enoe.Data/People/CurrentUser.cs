using System.Globalization;
using System.Security.Claims;

namespace Enoe.Data.People;

/// <summary>Claim types ENOE adds to the sign-in cookie.</summary>
public static class EnoeClaims
{
    /// <summary>Id of the établissement the person is working in now.</summary>
    public const string School = "enoe:school";

    /// <summary>One claim per profile held in that établissement (and AcademyAdmin).</summary>
    public const string Profile = "enoe:profile";

    /// <summary>
    /// One claim per staff function held in that établissement: for pages to hide links (services check the table).
    /// </summary>
    public const string Function = "enoe:function";
    public const string DisplayName = "enoe:name";
    public const string MustChangePassword = "enoe:must-change-password";

    /// <summary>
    /// The id of the server-side sign-in session (<see cref="Sessions.SignInSession"/>) the cookie belongs to.
    /// </summary>
    public const string Session = "enoe:session";

    /// <summary>
    /// The client's address for this request, added on the server at each authentication (never read from the
    /// cookie): the external-access policy compares it with the établissement's networks.
    /// </summary>
    public const string ClientAddress = "enoe:client-address";
}

/// <summary>
/// Who is asking, as the services see it. Built from the signed cookie; services still check
/// per-object rights against the database, since memberships may change after sign-in.
/// </summary>
public sealed record CurrentUser(int PersonId, string DisplayName, int? SchoolId, Profile Profiles)
{
    public bool Is(Profile profile) => Profiles.HasAny(profile);

    /// <summary>
    /// Where the request comes from (after trusted proxies); null when unknown, which counts as outside.
    /// </summary>
    public System.Net.IPAddress? ClientAddress { get; init; }

    /// <summary>
    /// The staff functions held in the current établissement, as the cookie says: for showing or hiding links only,
    /// since memberships change after sign-in (services read the database).
    /// </summary>
    public StaffFunction Functions { get; init; }

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        if (
            !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
        )
            return null;
        int? school = int.TryParse(principal.FindFirstValue(EnoeClaims.School), CultureInfo.InvariantCulture, out var s)
            ? s
            : null;
        var profiles = principal
            .FindAll(EnoeClaims.Profile)
            .Select(c => Enum.TryParse<Profile>(c.Value, out var p) ? p : Profile.None)
            .Aggregate(Profile.None, (all, p) => all | p);
        return new CurrentUser(
            id,
            principal.FindFirstValue(EnoeClaims.DisplayName) ?? principal.Identity.Name ?? "",
            school,
            profiles
        )
        {
            ClientAddress = System.Net.IPAddress.TryParse(principal.FindFirstValue(EnoeClaims.ClientAddress), out var a)
                ? a
                : null,
            Functions = principal
                .FindAll(EnoeClaims.Function)
                .Select(c => Enum.TryParse<StaffFunction>(c.Value, out var f) ? f : StaffFunction.None)
                .Aggregate(StaffFunction.None, (all, f) => all | f),
        };
    }
}
