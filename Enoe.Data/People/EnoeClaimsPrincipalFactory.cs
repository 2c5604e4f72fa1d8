using System.Globalization;
using System.Security.Claims;
using Enoe.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enoe.Data.People;

/// <summary>
/// Puts the person's current établissement, the profiles and the staff functions they hold there into the cookie, so
/// authorization policies and pages can read them (pages hide links by function; services still check the rights).
/// The établissement is the one they last chose, if they still belong to it: switching rebuilds the claims.
/// </summary>
/// <remarks>
/// Identity's own factory, which this once extended, reads nothing it needs a user manager for: the person's id, name,
/// e-mail and security stamp are the entity's fields (ENOE keeps no claims per person: see
/// <see cref="EnoeUserManager.SupportsUserClaim"/>). Without one it is a singleton, and the security stamp's check
/// (<see cref="RefreshAsync"/>, once a minute per signed-in person) builds no user manager, store and request-scoped
/// context each time: the check was 7 % of an instance's CPU during a burst of dashboard openings.
/// </remarks>
public sealed class EnoeClaimsPrincipalFactory(
    IOptions<IdentityOptions> options,
    IDbContextFactory<EnoeDbContext> dbFactory
) : IUserClaimsPrincipalFactory<Person>
{
    /// <summary>
    /// Identity's application cookie scheme, the type its factory gives (a constant of the app's package).
    /// </summary>
    private const string AuthenticationType = "Identity.Application";

    private ClaimsIdentityOptions Types => options.Value.ClaimsIdentity;

    public async Task<ClaimsPrincipal> CreateAsync(Person user)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await CreateAsync(db, user, CancellationToken.None);
    }

    /// <summary>
    /// The security stamp's check: the principal of the person the cookie names, built afresh from the database,
    /// or null when the person is gone or their security stamp is no longer the cookie's (a new password, a second
    /// factor changed, the account disabled): what Identity's validator asks, with what it builds afterwards.
    /// </summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal cookie, CancellationToken ct = default)
    {
        if (
            !int.TryParse(cookie.FindFirstValue(Types.UserIdClaimType), CultureInfo.InvariantCulture, out var personId)
            || cookie.FindFirstValue(Types.SecurityStampClaimType) is not { } stamp
        )
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await PersonRead.For(db)(db, personId, ct);
        return person?.SecurityStamp == stamp ? await CreateAsync(db, person, ct) : null;
    }

    private sealed record MembershipRow(int SchoolId, Profile Profiles, StaffFunction Functions);

    // Compiled: the stamp's check runs once a minute for every signed-in person (CompiledPerModel says why).
    private static readonly CompiledPerModel<Func<EnoeDbContext, int, CancellationToken, Task<Person?>>> PersonRead =
        new(() =>
            EF.CompileAsyncQuery(
                (EnoeDbContext db, int id, CancellationToken ct) =>
                    db.Users.AsNoTracking().FirstOrDefault(p => p.Id == id)
            )
        );

    private static readonly CompiledPerModel<
        Func<EnoeDbContext, int, IAsyncEnumerable<MembershipRow>>
    > MembershipsRead = new(() =>
        EF.CompileAsyncQuery(
            (EnoeDbContext db, int personId) =>
                db
                    .Memberships.Where(m => m.PersonId == personId)
                    .OrderBy(m => m.SchoolId)
                    .Select(m => new MembershipRow(m.SchoolId, m.Profiles, m.Functions))
        )
    );

    private async Task<ClaimsPrincipal> CreateAsync(EnoeDbContext db, Person user, CancellationToken ct)
    {
        var memberships = await MembershipsRead.For(db)(db, user.Id).ToListAsync(ct);
        var current =
            memberships.FirstOrDefault(m => m.SchoolId == user.CurrentSchoolId) ?? memberships.FirstOrDefault();

        // What Identity's factory put in.
        var identity = new ClaimsIdentity(AuthenticationType, Types.UserNameClaimType, Types.RoleClaimType);
        identity.AddClaim(new Claim(Types.UserIdClaimType, user.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(Types.UserNameClaimType, user.UserName!));
        if (!string.IsNullOrEmpty(user.Email))
            identity.AddClaim(new Claim(Types.EmailClaimType, user.Email));
        identity.AddClaim(
            new Claim(
                Types.SecurityStampClaimType,
                user.SecurityStamp ?? throw new InvalidOperationException("Le compte n'a pas de jeton de sécurité.")
            )
        );

        var profiles =
            (current?.Profiles ?? Profile.None) | (user.IsAcademyAdmin ? Profile.AcademyAdmin : Profile.None);
        if (current is not null)
            identity.AddClaim(new Claim(EnoeClaims.School, current.SchoolId.ToString(CultureInfo.InvariantCulture)));
        foreach (var profile in profiles.Split())
            identity.AddClaim(new Claim(EnoeClaims.Profile, profile.ToString()));
        foreach (var function in StaffFunctionNames.Single.Where(f => (current?.Functions ?? 0).HasFlag(f)))
            identity.AddClaim(new Claim(EnoeClaims.Function, function.ToString()));
        identity.AddClaim(new Claim(EnoeClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(EnoeClaims.MustChangePassword, "true"));
        return new ClaimsPrincipal(identity);
    }
}
