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
        var sender = await Reach.SenderAsync(db, me, schoolId, ct);
        if (sender is null)
            return Result.Forbidden(MemoMessages.Send_NotMember);

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
                : await Reach.Expand(db, schoolId, address).Where(id => id != me).Distinct().ToListAsync(ct);
            if (people.Count == 0)
                return Result.Invalid([
                    isPerson
                        ? MemoMessages.FormatSend_PersonNotInSchool(label)
                        : MemoMessages.FormatSend_AudienceEmpty(label),
                ]);
            var isReplyToSender = isPerson && address.TargetId == repliedTo;
            if (
                !isReplyToSender
                && await Reach.BlockedAsync(db, sender, Reach.Expand(db, schoolId, address), ct) is { } no
            )
                return Result.Forbidden(
                    isPerson
                        ? MemoMessages.FormatSend_PersonNotAllowed(label, no.ForSender(audience: false))
                        : MemoMessages.FormatSend_AudienceNotAllowed(label, no.ForSender(audience: true))
                );
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
        var people = Reach.Expand(db, schoolId, address).Where(id => id != me).Distinct();
        var counts = await db
            .Schools.Where(s => s.Id == schoolId)
            .Select(s => new { Total = people.Count(), Allowed = people.Count(id => reachable.Contains(id)) })
            .FirstAsync(ct);
        return (counts.Total, counts.Allowed);
    }
}
