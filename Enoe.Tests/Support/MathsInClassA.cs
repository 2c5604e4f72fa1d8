using Enoe.Data;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Tests.Support;

/// <summary>
/// Maths in the <see cref="TwoSchools"/> 6eA: the subject, its teachers, and an assessment set by one.
/// </summary>
public static class MathsInClassA
{
    /// <summary>Adds (unsaved) maths in school A, taught in 6eA by TeacherA and <paramref name="others"/>.</summary>
    public static Subject AddMaths(this EnoeDbContext db, TwoSchools f, params Person[] others)
    {
        var maths = new Subject
        {
            SchoolId = f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.Add(maths);
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = f.TeacherA.Id,
                Subject = maths,
                SchoolClassId = f.ClassA.Id,
            }
        );
        foreach (var other in others)
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    Teacher = other,
                    Subject = maths,
                    SchoolClassId = f.ClassA.Id,
                }
            );
        return maths;
    }

    /// <summary>An assessment of 6eA in maths set by TeacherA on 16 November 2026 (out of 20).</summary>
    public static async Task<int> NewMathsAssessmentAsync(this GradeService grades, TwoSchools f, Subject maths)
    {
        var created = await grades.CreateAsync(
            TwoSchools.As(f.TeacherA, f.A),
            new AssessmentDraft
            {
                SchoolClassId = f.ClassA.Id,
                SubjectId = maths.Id,
                Title = "Contrôle",
                Date = new(2026, 11, 16),
            }
        );
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        return created.Value;
    }
}
