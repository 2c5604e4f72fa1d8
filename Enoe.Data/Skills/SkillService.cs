using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Skills;

/// <summary>
/// Livret de compétences. Teachers of a student's classes or groups assess their skills on the
/// four mastery levels; the student, their parents, their teachers and the direction read the
/// booklet. The établissement's framework is created from <see cref="SkillFramework.Default"/> on first use.
/// </summary>
public sealed partial class SkillService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    ServiceAccess access,
    Notifications.NotificationService notifications
)
{
    /// <summary>
    /// The booklet of a student: one's own, a parent's child (the first when none is named), or whoever
    /// <see cref="Right.SkillsRead"/> lets in (their teachers, professeur principal, the direction and the CPE of the
    /// student's établissement), where that établissement runs Compétences.
    /// </summary>
    public async Task<Result<Booklet>> BookletAsync(
        CurrentUser user,
        int? studentId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ReadableAsync(db, user.PersonId, studentId, ct) is not var (student, holder))
            return await access.RefusalAsync(user, EntService.Skills, ct: ct)
                ?? Result.NotFound(SkillMessages.Booklet_NotYours);
        var who = await db
            .Memberships.Where(m => m.PersonId == student && (m.Profiles & Profile.Student) != 0)
            .Select(m => new
            {
                m.SchoolId,
                School = m.School!.Name,
                Name = m.Person!.FirstName + " " + m.Person.LastName,
                ClassName = db
                    .Enrolments.Where(e => e.StudentId == student && e.SchoolClass!.SchoolId == m.SchoolId)
                    .Select(e => e.SchoolClass!.Name)
                    .FirstOrDefault(),
            })
            .FirstAsync(ct);
        // The student's établissement decides, not the session's: a parent's other school may run Compétences.
        if (await access.RefusalAsync(user, EntService.Skills, who.SchoolId, ct) is { } refused)
            return refused;
        await Privacy.AccessLog.RecordAsync(db, clock, user, student, Privacy.PersonalDataKind.SkillsBooklet, ct);
        // A read never writes: the framework is made on first use by a teacher who is about to assess; anyone else
        // reads the default one, nothing assessed yet.
        if (FunctionRights.Allows(Right.SkillsAssess, holder))
            await EnsureFrameworkAsync(db, who.SchoolId, ct);
        var domains = await db.Set<SkillDomain>()
            .AsNoTracking()
            .Where(d => d.SchoolId == who.SchoolId)
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                d.Code,
                d.Name,
                Skills = d
                    .Skills.OrderBy(s => s.Id)
                    .Select(s => new
                    {
                        s.Id,
                        s.Code,
                        s.Name,
                    })
                    .ToList(),
            })
            .ToListAsync(ct);
        if (domains.Count == 0)
            domains =
            [
                .. SkillFramework.Default.Select(d => new
                {
                    d.Code,
                    d.Name,
                    Skills = d
                        .Skills.Select(x => new
                        {
                            Id = 0,
                            x.Code,
                            x.Name,
                        })
                        .ToList(),
                }),
            ];
        var judgements = await db.Set<SkillAssessment>()
            .AsNoTracking()
            .Where(a => a.StudentId == student)
            .OrderByDescending(a => a.AssessedAt)
            .ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.SkillId,
                View = new SkillJudgement(a.Level, a.AssessedAt, a.Teacher!.FirstName + " " + a.Teacher.LastName),
            })
            .ToListAsync(ct);
        var booklet = new Booklet(
            student,
            who.Name,
            who.ClassName,
            who.School,
            [
                .. domains.Select(d => new DomainState(
                    d.Code,
                    d.Name,
                    [
                        .. d.Skills.Select(s =>
                        {
                            var history = judgements.Where(j => j.SkillId == s.Id).Select(j => j.View).ToList();
                            return new SkillState(
                                s.Id,
                                s.Code,
                                s.Name,
                                history.Count > 0 ? history[0].Level : null,
                                history
                            );
                        }),
                    ]
                )),
            ]
        );
        return Result<Booklet>.Ok(booklet);
    }

    /// <summary>
    /// How far a student's booklet has come (the widget): each skill's latest level, counted, in one query once the
    /// student is known.
    /// </summary>
    public async Task<SkillProgress?> ProgressAsync(
        CurrentUser user,
        int? studentId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (
            await StudentRecords.ResolveInSchoolAsync(db, user.PersonId, studentId, Right.SkillsRead, ct)
            is not var (student, _, schoolId)
        )
            return null;
        var school = db
            .Memberships.Where(m => m.PersonId == student && (m.Profiles & Profile.Student) != 0)
            .Select(m => m.SchoolId);
        if (await access.RefusalAsync(user, EntService.Skills, schoolId ?? user.SchoolId, ct) is not null)
            return null;
        var latest = await db.Set<Skill>()
            .Where(s => school.Contains(s.Domain!.SchoolId))
            .Select(s =>
                db.Set<SkillAssessment>()
                    .Where(a => a.StudentId == student && a.SkillId == s.Id)
                    .OrderByDescending(a => a.AssessedAt)
                    .ThenByDescending(a => a.Id)
                    .Select(a => (MasteryLevel?)a.Level)
                    .FirstOrDefault()
            )
            .ToListAsync(ct);
        // A framework not created yet (nobody opened a booklet there): the default one, nothing assessed.
        var total = latest.Count > 0 ? latest.Count : SkillFramework.Default.Sum(d => d.Skills.Length);
        return new SkillProgress(
            student,
            total,
            Enum.GetValues<MasteryLevel>().ToDictionary(l => l, l => latest.Count(x => x == l))
        );
    }

    /// <summary>
    /// A teacher of one of the student's classes or groups records a level on a skill of the student's établissement.
    /// </summary>
    public async Task<Result> AssessAsync(
        CurrentUser user,
        int studentId,
        int skillId,
        MasteryLevel level,
        int? assessmentId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var studentSchool = await StudentRecords.SchoolOfAsync(db, studentId, ct);
        if (await access.RefusalAsync(user, EntService.Skills, studentSchool ?? user.SchoolId, ct) is { } refused)
            return refused;
        if (!Enum.IsDefined(level))
            return Result.Invalid([SkillMessages.Level_Invalid]);
        if (!await StudentRecords.TeachesAsync(db, user.PersonId, studentId, ct))
            return Result.Forbidden(SkillMessages.NotYourStudent);
        var skillSchool = await db.Set<Skill>()
            .Where(s => s.Id == skillId)
            .Select(s => (int?)s.Domain!.SchoolId)
            .FirstOrDefaultAsync(ct);
        if (
            skillSchool is null
            || !await db.Memberships.AnyAsync(m => m.PersonId == studentId && m.SchoolId == skillSchool, ct)
        )
            return Result.NotFound(SkillMessages.Skill_NotInFramework);
        var managed = Grades.GradeService.Managed(db, user.PersonId);
        if (assessmentId is int a && !await managed.AnyAsync(x => x.Id == a, ct))
            return Result.NotFound(SkillMessages.Assessment_NotYours);
        db.Add(
            new SkillAssessment
            {
                StudentId = studentId,
                SkillId = skillId,
                Level = level,
                TeacherId = user.PersonId,
                AssessmentId = assessmentId,
                AssessedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync(ct);
        await NotifyAssessedAsync(db, user, studentId, skillSchool.Value, ct);
        return Result.Ok();
    }

    /// <summary>The classes this teacher teaches in their current établissement, with their students.</summary>
    public async Task<IReadOnlyList<ClassStudents>> ClassesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Skills, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classes = db
            .TeachingAssignments.Where(t =>
                t.TeacherId == user.PersonId && t.SchoolClassId != null && t.SchoolClass!.SchoolId == user.SchoolId
            )
            .Select(t => t.SchoolClassId!.Value);
        var rows = await db
            .Enrolments.Where(e => classes.Contains(e.SchoolClassId))
            .OrderBy(e => e.SchoolClass!.Name)
            .ThenBy(e => e.Student!.LastName)
            .ThenBy(e => e.Student!.FirstName)
            .Select(e => new
            {
                e.SchoolClassId,
                ClassName = e.SchoolClass!.Name,
                e.StudentId,
                Name = PersonNames.Listed(e.Student!.LastName, e.Student.FirstName),
            })
            .ToListAsync(ct);
        return
        [
            .. rows.GroupBy(r => (r.SchoolClassId, r.ClassName))
                .Select(g => new ClassStudents(
                    g.Key.SchoolClassId,
                    g.Key.ClassName,
                    [.. g.Select(r => (r.StudentId, r.Name))]
                )),
        ];
    }

    private static async Task EnsureFrameworkAsync(EnoeDbContext db, int schoolId, CancellationToken ct)
    {
        if (await db.Set<SkillDomain>().AnyAsync(d => d.SchoolId == schoolId, ct))
            return;
        await using var transaction = await db.BeginTurnAsync<Schools.School>(schoolId, ct);
        if (await db.Set<SkillDomain>().AnyAsync(d => d.SchoolId == schoolId, ct))
            return; // another request made it meanwhile
        db.AddRange(
            SkillFramework.Default.Select(d => new SkillDomain
            {
                SchoolId = schoolId,
                Code = d.Code,
                Name = d.Name,
                Skills = [.. d.Skills.Select(s => new Skill { Code = s.Code, Name = s.Name })],
            })
        );
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The student whose booklet this person reads and who they are to them (<see cref="Right.SkillsRead"/>).
    /// </summary>
    private static Task<(int StudentId, Holder As)?> ReadableAsync(
        EnoeDbContext db,
        int me,
        int? studentId,
        CancellationToken ct
    ) => StudentRecords.ResolveAsync(db, me, studentId, Right.SkillsRead, ct);
}
