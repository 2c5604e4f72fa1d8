using Enoe.Data;
using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// A devoir Claire Fontaine sets to 4eA (maths, Collège Victor Hugo) in the seeded demo, and two students of that
/// class.
/// </summary>
public sealed record DemoDevoir(
    int Id,
    CurrentUser Teacher,
    CurrentUser Student,
    string StudentUserName,
    string StudentName,
    string ClassmateUserName
)
{
    public static async Task<DemoDevoir> CreateAsync(IServiceProvider services, string title)
    {
        var maths = await ClaireIn4eA.FindAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var students = await db
            .Enrolments.Where(e => e.SchoolClassId == maths.ClassId && e.Student!.UserName != "lucas.martin")
            .OrderBy(e => e.StudentId)
            .Select(e => new
            {
                e.Student!.Id,
                e.Student.UserName,
                Name = PersonNames.Listed(e.Student.LastName, e.Student.FirstName),
            })
            .Take(2)
            .ToListAsync();
        var teacher = maths.Teacher;
        var created = await scope
            .ServiceProvider.GetRequiredService<AssignmentService>()
            .CreateAsync(
                teacher,
                new AssignmentDraft
                {
                    SchoolClassId = maths.ClassId,
                    SubjectId = maths.SubjectId,
                    Title = title,
                    Instructions = "Exercices 1 à 4.",
                    DueLocal = SchoolTime.ToLocal(DateTime.UtcNow).AddDays(2),
                    AcceptsLate = true,
                },
                [TestFiles.Pdf("sujet.pdf", "sujet")]
            );
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        return new DemoDevoir(
            created.Value,
            teacher,
            new CurrentUser(students[0].Id, students[0].Name, maths.SchoolId, Profile.Student),
            students[0].UserName!,
            students[0].Name,
            students[1].UserName!
        );
    }
}
