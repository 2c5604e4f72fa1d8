using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enoe.Data.People;

/// <summary>
/// Puts the person's current établissement, the profiles and the staff functions they hold there into the cookie, so
/// authorization policies and pages can read them (pages hide links by function; services still check the rights).
/// The établissement is the one they last chose, if they still belong to it: switching rebuilds the claims.
/// </summary>
public sealed class EnoeClaimsPrincipalFactory(
    UserManager<Person> userManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<EnoeDbContext> dbFactory
) : UserClaimsPrincipalFactory<Person>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var memberships = await db
            .Memberships.AsNoTracking()
            .Where(m => m.PersonId == user.Id)
            .OrderBy(m => m.SchoolId)
            .Select(m => new
            {
                m.SchoolId,
                m.Profiles,
                m.Functions,
            })
            .ToListAsync();
        var current =
            memberships.FirstOrDefault(m => m.SchoolId == user.CurrentSchoolId) ?? memberships.FirstOrDefault();

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
        return identity;
    }
}
