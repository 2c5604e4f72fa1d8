using System.Globalization;
using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>
/// Notes. A teacher marks only the classes and groups they teach, in that subject; a student sees
/// their own published marks, a parent their children's, the direction its établissement's.
/// Averages follow <see cref="Averages"/>, computed here in decimal (SQLite has no decimal type).
/// </summary>
public sealed partial class GradeService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IEventBus events,
    ServiceAccess serviceAccess,
    Notifications.NotificationService notifications,
    Notifications.QuietHoursService quietHours
)
{
    public const int TitleMax = 120;
    public const int TermNameMax = 60;
    private static Refusal NotYours => Result.Forbidden(GradeMessages.NotYours);

    public async Task<IReadOnlyList<TermView>> TermsAsync(int? schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Term>()
            .Where(t => t.SchoolId == schoolId)
            .OrderBy(t => t.StartsOn)
            .Select(t => new TermView(t.Id, t.Name, t.StartsOn, t.EndsOn))
            .ToListAsync(ct);
    }

    /// <summary>Replaces the établissement's terms (its admins): named, in order, without overlap.</summary>
    public async Task<Result> SaveTermsAsync(
        CurrentUser user,
        IReadOnlyList<TermView> terms,
        CancellationToken ct = default
    )
    {
        if (await serviceAccess.RefusalAsync(user, EntService.Grades, ct: ct) is { } refused)
            return refused;
        var errors = new List<string>();
        if (terms.Count is 0 or > 6)
            errors.Add(GradeMessages.Terms_Count);
        foreach (var t in terms)
        {
            if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Trim().Length > TermNameMax)
                errors.Add(GradeMessages.FormatTerms_Name(TermNameMax));
            if (t.EndsOn <= t.StartsOn)
                errors.Add(GradeMessages.FormatTerms_EndAfterStart(t.Name));
        }
        var ordered = terms.OrderBy(t => t.StartsOn).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].StartsOn <= ordered[i - 1].EndsOn)
                errors.Add(GradeMessages.FormatTerms_Overlap(ordered[i - 1].Name, ordered[i].Name));
        if (errors.Count > 0)
            return Result.Invalid(errors.Distinct());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct))
            return Result.Forbidden(GradeMessages.Terms_AdminsOnly);
        // Replaced whole, under the school's lock: two administrators saving at once never leave both lists.
        await using var transaction = await db.BeginTurnAsync<Schools.School>(user.SchoolId!.Value, ct);
        await db.Set<Term>().Where(t => t.SchoolId == user.SchoolId).ExecuteDeleteAsync(ct);
        db.AddRange(
            ordered.Select(t => new Term
            {
                SchoolId = user.SchoolId!.Value,
                Name = t.Name.Trim(),
                StartsOn = t.StartsOn,
                EndsOn = t.EndsOn,
            })
        );
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// The assessments this teacher (or a co-teacher of the same class and subject) set, newest first.
    /// </summary>
    public async Task<IReadOnlyList<AssessmentSummary>> AssessmentsAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await serviceAccess.RefusalAsync(user, EntService.Grades, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(
                Managed(db, user.PersonId)
                    // The session's établissement, the one whose switch said yes
                    .Where(a => a.SchoolId == user.SchoolId)
                    .OrderByDescending(a => a.Date)
                    .ThenByDescending(a => a.Id)
                    .Take(200)
            )
            .ToListAsync(ct);
    }

    public async Task<Result<int>> CreateAsync(CurrentUser user, AssessmentDraft draft, CancellationToken ct = default)
    {
        if (await AudienceGateAsync(user, draft.SchoolClassId, draft.TeachingGroupId, ct) is { } refused)
            return refused;
        var errors = new List<string>();
        if ((draft.SchoolClassId is null) == (draft.TeachingGroupId is null))
            errors.Add(GradeMessages.Assessment_ClassOrGroup);
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > TitleMax)
            errors.Add(GradeMessages.FormatAssessment_Title(TitleMax));
        if (draft.Scale is <= 0 or > 100 || decimal.Round(draft.Scale, 2) != draft.Scale)
            errors.Add(GradeMessages.Assessment_Scale);
        if (draft.Coefficient is <= 0 or > 20 || decimal.Round(draft.Coefficient, 2) != draft.Coefficient)
            errors.Add(GradeMessages.FormatAssessment_Coefficient(Averages.Format(0.25m), Averages.Format(20)));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await ClassContent.TaughtSchoolAsync(
            db,
            user.PersonId,
            draft.SchoolClassId,
            draft.TeachingGroupId,
            draft.SubjectId,
            ct
        );
        if (school is null)
            return NotYours;
        var assessment = new Assessment
        {
            SchoolId = school.Value,
            SchoolClassId = draft.SchoolClassId,
            TeachingGroupId = draft.TeachingGroupId,
            SubjectId = draft.SubjectId,
            TeacherId = user.PersonId,
            Title = draft.Title.Trim(),
            Date = draft.Date,
            Scale = draft.Scale,
            Coefficient = draft.Coefficient,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(assessment.Id);
    }

    internal static IQueryable<Assessment> Managed(EnoeDbContext db, int teacherId) =>
        db.Set<Assessment>().TaughtBy(db, teacherId);

    private static IQueryable<Assessment> OfStudent(EnoeDbContext db, int studentId) =>
        db.Set<Assessment>().SetTo(db, studentId);

    private static IQueryable<AssessmentSummary> Summaries(IQueryable<Assessment> assessments) =>
        assessments.Select(a => new AssessmentSummary(
            a.Id,
            a.Title,
            a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
            a.SubjectId,
            a.Subject!.Name,
            a.Date,
            a.Scale,
            a.Coefficient,
            a.PublishedAt,
            a.SchoolClassId,
            a.TeachingGroupId,
            a.ParentsSeeAt
        ));
}
