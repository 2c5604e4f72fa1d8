using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>A member of the établissement, as the admin's "Puis-je écrire à… ?" lists them.</summary>
public sealed record MemberOption(int PersonId, string Name, string Detail);

/// <summary>
/// The answer to "may A write to B?": yes or no, and the rule that decides, in the reader's language.
/// </summary>
public sealed record ReachAnswer(bool Allowed, string Text);

/// <summary>
/// "Puis-je écrire à… ?": the établissement's admin asks whether one member may write to another, and which rule
/// decides. The same <see cref="Reach"/> answers mémos and document sharing.
/// </summary>
public sealed partial class MemoService
{
    /// <summary>The members of the admin's établissement whose name matches, for picking A and B.</summary>
    public async Task<Result<IReadOnlyList<MemberOption>>> MembersAsync(
        CurrentUser admin,
        string? search,
        int take = 10,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsSchoolAdminAsync(admin.PersonId, admin.SchoolId, ct))
            return Result.Forbidden(MemoMessages.Check_AdminsOnly);
        if (string.IsNullOrWhiteSpace(search))
            return Result<IReadOnlyList<MemberOption>>.Ok([]);
        return Result<IReadOnlyList<MemberOption>>.Ok(
            await MatchingAsync(db.Memberships.Where(m => m.SchoolId == admin.SchoolId), search, take, ct)
        );
    }

    /// <summary>The members among these whose name ("Prénom Nom" or "Nom Prénom") matches, with what they do.</summary>
    private static async Task<List<MemberOption>> MatchingAsync(
        IQueryable<Membership> members,
        string search,
        int take,
        CancellationToken ct
    )
    {
        var pattern = TextSearch.Pattern(search);
        var rows = await members
            .Where(m =>
                EF.Functions.Like(
                    TextSearch.Folded(m.Person!.FirstName + " " + m.Person.LastName),
                    pattern,
                    TextSearch.Escape
                )
                || EF.Functions.Like(
                    TextSearch.Folded(m.Person!.LastName + " " + m.Person.FirstName),
                    pattern,
                    TextSearch.Escape
                )
            )
            .OrderBy(m => m.Person!.LastName)
            .ThenBy(m => m.Person!.FirstName)
            .Take(take)
            .Select(m => new
            {
                m.PersonId,
                Name = m.Person!.FirstName + " " + m.Person.LastName,
                m.Profiles,
                m.Function,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MemberOption(r.PersonId, r.Name, r.Function ?? ProfileNames.Of(r.Profiles)))];
    }

    /// <summary>May <paramref name="fromId"/> write to <paramref name="toId"/> in the admin's établissement?</summary>
    public async Task<Result<ReachAnswer>> CheckReachAsync(
        CurrentUser admin,
        int fromId,
        int toId,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (admin.SchoolId is not int schoolId || !await db.IsSchoolAdminAsync(admin.PersonId, schoolId, ct))
            return Result.Forbidden(MemoMessages.Check_AdminsOnly);
        if (fromId == toId)
            return Result.Invalid([MemoMessages.Check_SamePerson]);
        var names = await db
            .Memberships.Where(m => m.SchoolId == schoolId && (m.PersonId == fromId || m.PersonId == toId))
            .Select(m => new { m.PersonId, Name = m.Person!.FirstName + " " + m.Person.LastName })
            .ToDictionaryAsync(m => m.PersonId, m => m.Name, ct);
        if (!names.TryGetValue(fromId, out var from) || !names.TryGetValue(toId, out var to))
            return Result.NotFound(MemoMessages.Check_NotInSchool);
        var sender = (await Reach.SenderAsync(db, fromId, schoolId, ct))!;
        var target = Reach.Expand(db, schoolId, new MemoAddress(AudienceKind.Person, toId, to));
        if (await Reach.BlockedAsync(db, sender, target, ct) is { } blocked)
            return Result<ReachAnswer>.Ok(
                new ReachAnswer(
                    false,
                    blocked.RuleOff is { } off
                        ? MemoMessages.FormatCheck_NoRuleOff(from, to, MemoRuleNames.Name(off))
                        : MemoMessages.FormatCheck_NoRule(from, to)
                )
            );
        return Result<ReachAnswer>.Ok(
            new ReachAnswer(
                true,
                Reach.ReachesEveryone(sender) ? MemoMessages.FormatCheck_YesEveryone(from)
                    : await Reach.AllowingRuleAsync(db, sender, toId, ct) is { } rule
                        ? MemoMessages.FormatCheck_Yes(from, to, MemoRuleNames.Name(rule))
                    : MemoMessages.FormatCheck_YesColleague(from)
            )
        );
    }
}
