using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>The établissement's communication rules, and the expansion of addresses to people under them.</summary>
public sealed partial class MemoService
{
    /// <summary>The établissement's communication rules, for its admin page.</summary>
    public async Task<MemoRules> RulesAsync(int schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Schools.Where(s => s.Id == schoolId).Select(s => s.MemoRules).FirstOrDefaultAsync(ct);
    }

    public async Task<Result> SaveRulesAsync(CurrentUser user, MemoRules rules, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct))
            return Result.Forbidden(MemoMessages.Rules_AdminsOnly);
        await db
            .Schools.Where(s => s.Id == user.SchoolId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.MemoRules, rules), ct);
        return Result.Ok();
    }

    /// <param name="To">The addresses as chosen, each labelled by the server.</param>
    private sealed record Resolved(
        IReadOnlyList<(int PersonId, int Address)> Recipients,
        int? ThreadId,
        IReadOnlyList<int> ForwardedFiles,
        IReadOnlyList<MemoAddress> To
    );

    /// <summary>
    /// Checks every address against the rules and expands it to people, each person once (the first address that brings
    /// them).
    /// </summary>
    private static async Task<Result<Resolved>> ResolveAsync(
        EnoeDbContext db,
        int me,
        int schoolId,
        MemoDraft draft,
        CancellationToken ct
    )
    {
        var sender = await SenderAsync(db, me, schoolId, ct);
        if (sender is null)
            return Result.Forbidden(MemoMessages.Send_NotMember);
        var reachable = Reachable(db, me, schoolId, sender.Value.Profiles, sender.Value.Rules);

        // A reply may always go back to the person who wrote to you.
        int? thread = null,
            repliedTo = null;
        if (draft.ReplyToId is int replyTo)
        {
            var original = await Visible(db, me)
                .Where(m => m.Id == replyTo)
                .Select(m => new { m.ThreadId, m.SenderId })
                .FirstOrDefaultAsync(ct);
            if (original is null)
                return Result.NotFound(MemoMessages.Send_ReplyGone);
            (thread, repliedTo) = (original.ThreadId, original.SenderId);
        }
        IReadOnlyList<int> forwarded = [];
        if (draft.ForwardOfId is int forwardOf)
        {
            if (!await Visible(db, me).AnyAsync(m => m.Id == forwardOf, ct))
                return Result.NotFound(MemoMessages.Send_ForwardGone);
            forwarded = await db.Set<MemoAttachment>()
                .Where(a => a.MemoId == forwardOf)
                .Select(a => a.FileId)
                .ToListAsync(ct);
        }
        if (
            draft.AboutChildId is int child
            && !await db.Guardianships.AnyAsync(g => g.ParentId == me && g.StudentId == child, ct)
        )
            return Result.Forbidden(MemoMessages.Send_NotYourChild);

        var recipients = new List<(int, int)>();
        var to = new List<MemoAddress>();
        var seen = new HashSet<int> { me };
        for (var i = 0; i < draft.To.Count; i++)
        {
            var (target, isPerson) = (draft.To[i].TargetId, draft.To[i].Kind == AudienceKind.Person);
            // A person's name and membership in one query (as many round trips for one parent as for all of them).
            var label = isPerson
                ? await db
                    .Memberships.Where(m => m.SchoolId == schoolId && m.PersonId == target)
                    .Select(m => m.Person!.FirstName + " " + m.Person.LastName)
                    .FirstOrDefaultAsync(ct)
                : await AudienceLabelAsync(db, schoolId, draft.To[i], ct);
            if (label is null)
                return Result.Invalid([
                    isPerson
                        ? MemoMessages.FormatSend_PersonNotInSchool(draft.To[i].Label)
                        : MemoMessages.Send_UnknownAudience,
                ]);
            var address = draft.To[i] with { Label = label };
            List<int> people = isPerson
                ? (target == me ? [] : [target])
                : await Expand(db, schoolId, address).Where(id => id != me).Distinct().ToListAsync(ct);
            if (people.Count == 0)
                return Result.Invalid([
                    isPerson
                        ? MemoMessages.FormatSend_PersonNotInSchool(label)
                        : MemoMessages.FormatSend_AudienceEmpty(label),
                ]);
            var isReplyToSender = isPerson && address.TargetId == repliedTo;
            if (!isReplyToSender)
            {
                var allowed = await reachable.CountAsync(id => people.Contains(id), ct);
                if (allowed < people.Count)
                    return Result.Forbidden(
                        isPerson
                            ? MemoMessages.FormatSend_PersonNotAllowed(label)
                            : MemoMessages.FormatSend_AudienceNotAllowed(label)
                    );
            }
            recipients.AddRange(people.Where(seen.Add).Select(p => (p, i)));
            to.Add(address);
        }
        return Result<Resolved>.Ok(new Resolved(recipients, thread, forwarded, to));
    }

    private static async Task<(int Total, int Allowed)> CountAsync(
        EnoeDbContext db,
        int schoolId,
        int me,
        MemoAddress address,
        IQueryable<int> reachable,
        CancellationToken ct
    )
    {
        var people = Expand(db, schoolId, address).Where(id => id != me).Distinct();
        var counts = await db
            .Schools.Where(s => s.Id == schoolId)
            .Select(s => new { Total = people.Count(), Allowed = people.Count(id => reachable.Contains(id)) })
            .FirstAsync(ct);
        return (counts.Total, counts.Allowed);
    }

    private static async Task<(Profile Profiles, MemoRules Rules)?> SenderAsync(
        EnoeDbContext db,
        int me,
        int schoolId,
        CancellationToken ct
    )
    {
        var row = await db
            .Memberships.Where(m => m.PersonId == me && m.SchoolId == schoolId)
            .Select(m => new { m.Profiles, m.School!.MemoRules })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Profiles, row.MemoRules);
    }

    /// <summary>The people an address stands for, within the établissement.</summary>
    internal static IQueryable<int> Expand(EnoeDbContext db, int schoolId, MemoAddress address)
    {
        var target = address.TargetId;
        return address.Kind switch
        {
            AudienceKind.Person => db
                .Memberships.Where(m => m.SchoolId == schoolId && m.PersonId == target)
                .Select(m => m.PersonId),
            AudienceKind.ClassStudents => db
                .Enrolments.Where(e => e.SchoolClassId == target && e.SchoolClass!.SchoolId == schoolId)
                .Select(e => e.StudentId),
            AudienceKind.ClassParents => db
                .Guardianships.Where(g =>
                    db.Enrolments.Any(e =>
                        e.StudentId == g.StudentId && e.SchoolClassId == target && e.SchoolClass!.SchoolId == schoolId
                    )
                )
                .Select(g => g.ParentId),
            AudienceKind.ClassTeachers => db
                .TeachingAssignments.Where(a => a.SchoolClassId == target && a.SchoolClass!.SchoolId == schoolId)
                .Select(a => a.TeacherId),
            AudienceKind.GroupStudents => db
                .GroupEnrolments.Where(e => e.TeachingGroupId == target && e.TeachingGroup!.SchoolId == schoolId)
                .Select(e => e.StudentId),
            _ => db
                .Memberships.Where(m => m.SchoolId == schoolId && ((int)m.Profiles & target) != 0)
                .Select(m => m.PersonId),
        };
    }

    /// <summary>
    /// Everyone of the établissement this sender may write to, by profile and rules (one composable query).
    /// </summary>
    internal static IQueryable<int> Reachable(EnoeDbContext db, int me, int schoolId, Profile profiles, MemoRules rules)
    {
        var members = db.Memberships.Where(m => m.SchoolId == schoolId);
        if (profiles.HasAny(Profile.Direction))
            return members.Select(m => m.PersonId);
        IQueryable<int> With(Profile p) => members.Where(m => (m.Profiles & p) != 0).Select(m => m.PersonId);
        bool Allows(Profile who, MemoRules rule) => profiles.HasAny(who) && rules.HasFlag(rule);

        var myClasses = db.Enrolments.Where(e => e.StudentId == me).Select(e => e.SchoolClassId);
        var myGroups = db.GroupEnrolments.Where(e => e.StudentId == me).Select(e => e.TeachingGroupId);
        var children = db.Guardianships.Where(g => g.ParentId == me).Select(g => g.StudentId);
        var childClasses = db.Enrolments.Where(e => children.Contains(e.StudentId)).Select(e => e.SchoolClassId);
        var childGroups = db.GroupEnrolments.Where(e => children.Contains(e.StudentId)).Select(e => e.TeachingGroupId);
        var taughtClasses = db
            .TeachingAssignments.Where(a => a.TeacherId == me && a.SchoolClassId != null)
            .Select(a => a.SchoolClassId!.Value);
        var taughtGroups = db
            .TeachingAssignments.Where(a => a.TeacherId == me && a.TeachingGroupId != null)
            .Select(a => a.TeachingGroupId!.Value);
        var taughtStudents = db
            .Enrolments.Where(e => taughtClasses.Contains(e.SchoolClassId))
            .Select(e => e.StudentId)
            .Union(db.GroupEnrolments.Where(e => taughtGroups.Contains(e.TeachingGroupId)).Select(e => e.StudentId));

        var reach = new List<IQueryable<int>>();
        if (Allows(Profile.Teacher, MemoRules.TeachersToColleagues))
            reach.Add(With(Profile.Personnel));
        if (Allows(Profile.Teacher, MemoRules.TeachersToStudents))
            reach.Add(taughtStudents);
        if (Allows(Profile.Teacher, MemoRules.TeachersToParents))
            reach.Add(db.Guardianships.Where(g => taughtStudents.Contains(g.StudentId)).Select(g => g.ParentId));
        if (Allows(Profile.Student, MemoRules.StudentsToTheirTeachers))
            reach.Add(
                db.TeachingAssignments.Where(a =>
                        (a.SchoolClassId != null && myClasses.Contains(a.SchoolClassId.Value))
                        || (a.TeachingGroupId != null && myGroups.Contains(a.TeachingGroupId.Value))
                    )
                    .Select(a => a.TeacherId)
            );
        if (Allows(Profile.Student, MemoRules.StudentsToStaff))
            reach.Add(With(Profile.Direction));
        if (Allows(Profile.Student, MemoRules.StudentsToClassmates))
            reach.Add(
                db.Enrolments.Where(e => myClasses.Contains(e.SchoolClassId))
                    .Select(e => e.StudentId)
                    .Union(db.GroupEnrolments.Where(e => myGroups.Contains(e.TeachingGroupId)).Select(e => e.StudentId))
            );
        if (Allows(Profile.Parent, MemoRules.ParentsToTeachers))
            reach.Add(
                db.TeachingAssignments.Where(a =>
                        (a.SchoolClassId != null && childClasses.Contains(a.SchoolClassId.Value))
                        || (a.TeachingGroupId != null && childGroups.Contains(a.TeachingGroupId.Value))
                    )
                    .Select(a => a.TeacherId)
            );
        if (Allows(Profile.Parent, MemoRules.ParentsToStaff))
            reach.Add(With(Profile.Direction));
        if (Allows(Profile.Parent, MemoRules.ParentsToClassParents))
            reach.Add(
                db.Guardianships.Where(g =>
                        db.Enrolments.Any(e => e.StudentId == g.StudentId && childClasses.Contains(e.SchoolClassId))
                    )
                    .Select(g => g.ParentId)
            );

        if (reach.Count == 0)
            return members.Where(m => false).Select(m => m.PersonId);
        var all = reach.Aggregate((a, b) => a.Union(b));
        return members.Where(m => all.Contains(m.PersonId)).Select(m => m.PersonId);
    }
}
