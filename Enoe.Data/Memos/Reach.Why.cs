using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// Why someone is out of reach: a rule the établissement switched off (named), or no rule at all relating them.
/// </summary>
/// <param name="RuleOff">The switched-off rule that would reach them all; null when none would.</param>
internal sealed record Blocked(MemoRules? RuleOff)
{
    /// <summary>The reason told to the sender, after "Vous ne pouvez pas écrire à X : ".</summary>
    public string ForSender(bool audience) =>
        RuleOff is { } rule ? MemoMessages.FormatReach_RuleOff(MemoRuleNames.Name(rule))
        : audience ? MemoMessages.Reach_NoRuleAudience
        : MemoMessages.Reach_NoRulePerson;
}

internal static partial class Reach
{
    /// <summary>
    /// Null when the sender may address every one of <paramref name="people"/> (themselves aside); otherwise why not.
    /// </summary>
    public static async Task<Blocked?> BlockedAsync(
        EnoeDbContext db,
        Sender sender,
        IQueryable<int> people,
        CancellationToken ct
    )
    {
        var reachable = People(db, sender);
        var missing = await people
            .Where(id => id != sender.PersonId && !reachable.Contains(id))
            .Distinct()
            .ToListAsync(ct);
        if (missing.Count == 0)
            return null;
        var everyRule = MemoRuleNames.All.Aggregate(MemoRules.None, (all, r) => all | r.Rule);
        var withEveryRule = Under(db, sender, everyRule);
        if (await withEveryRule.CountAsync(id => missing.Contains(id), ct) < missing.Count)
            return new Blocked(null);
        // Each missing person is reached by some switched-off rule: name the first one that matters.
        foreach (var (rule, _) in MemoRuleNames.All.Where(r => !sender.Rules.HasFlag(r.Rule)))
            if (await Under(db, sender, rule).AnyAsync(id => missing.Contains(id), ct))
                return new Blocked(rule);
        return new Blocked(null);
    }

    /// <summary>
    /// The switched-on rule that lets the sender write to this person (null: none, or reached whatever the switches:
    /// everyone, or staff to their colleagues).
    /// </summary>
    public static async Task<MemoRules?> AllowingRuleAsync(
        EnoeDbContext db,
        Sender sender,
        int personId,
        CancellationToken ct
    )
    {
        if (await Under(db, sender, MemoRules.None).AnyAsync(id => id == personId, ct))
            return null;
        foreach (var (rule, _) in MemoRuleNames.All.Where(r => sender.Rules.HasFlag(r.Rule)))
            if (await Under(db, sender, rule).AnyAsync(id => id == personId, ct))
                return rule;
        return null;
    }
}
