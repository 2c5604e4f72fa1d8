using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// A justification's document is read by the family (the student's parents, the student) and the vie scolaire and
/// direction of the établissement.
/// </summary>
public sealed class JustificationFileRule : IFileReadRule
{
    public EntService Service => EntService.SchoolLife;

    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var functions = People.FunctionRights.Functions(People.Right.SchoolLifeManage);
        return db.Set<Absence>()
            .AnyAsync(
                a =>
                    a.JustificationFileId == fileId
                    && (
                        a.StudentId == personId
                        || db.Guardianships.Any(g => g.ParentId == personId && g.StudentId == a.StudentId)
                        || db.Memberships.Any(m =>
                            m.PersonId == personId && m.SchoolId == a.SchoolId && (m.Functions & functions) != 0
                        )
                    ),
                ct
            );
    }
}
