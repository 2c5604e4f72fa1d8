using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The account: identity, établissements and profiles, classes, responsables and children.</summary>
internal sealed class ProfileData : IPersonalDataSource
{
    public string Name => "account";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct)
    {
        var person = await db
            .Users.Where(p => p.Id == personId)
            .Select(p => new
            {
                p.FirstName,
                p.LastName,
                p.BirthDate,
                p.UserName,
                p.Email,
                p.CreatedAt,
                p.DisabledAt,
                p.DeletionDueAt,
            })
            .FirstAsync(ct);
        var memberships = await db
            .Memberships.Where(m => m.PersonId == personId)
            .Select(m => new
            {
                School = m.School!.Name,
                Profiles = m.Profiles.ToString(),
                m.Function,
            })
            .ToListAsync(ct);
        var classes = await db
            .Enrolments.Where(e => e.StudentId == personId)
            .Select(e => e.SchoolClass!.Name)
            .ToListAsync(ct);
        var responsables = await db
            .Guardianships.Where(g => g.StudentId == personId)
            .Select(g => g.Parent!.FirstName + " " + g.Parent.LastName)
            .ToListAsync(ct);
        var children = await db
            .Guardianships.Where(g => g.ParentId == personId)
            .Select(g => g.Student!.FirstName + " " + g.Student.LastName)
            .ToListAsync(ct);
        return PersonalDataPart.Of(
            new
            {
                person,
                memberships,
                classes,
                responsables,
                children,
            }
        );
    }
}
