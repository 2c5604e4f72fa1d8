using Enoe.Data;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// Claire Fontaine teaching mathematics in 4eA at the Collège Victor Hugo, in the seeded demo: where the journeys act
/// as a teacher.
/// </summary>
public sealed record ClaireIn4eA(CurrentUser Teacher, int ClassId, int SubjectId, int SchoolId)
{
    public static async Task<ClaireIn4eA> FindAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var claire = await db.Users.SingleAsync(u => u.UserName == "claire.fontaine");
        var maths = await db
            .TeachingAssignments.Where(a =>
                a.TeacherId == claire.Id
                && a.SchoolClass!.Name == "4eA"
                && a.SchoolClass.School!.Slug == "college-victor-hugo"
            )
            .Select(a => new
            {
                a.SubjectId,
                ClassId = a.SchoolClassId!.Value,
                a.Subject!.SchoolId,
            })
            .SingleAsync();
        return new ClaireIn4eA(
            new CurrentUser(claire.Id, "Claire Fontaine", maths.SchoolId, Profile.Teacher),
            maths.ClassId,
            maths.SubjectId,
            maths.SchoolId
        );
    }
}
