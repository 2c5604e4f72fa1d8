using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>
/// Which layout a profile starts from: the établissement's default for it, else the académie's,
/// else every widget the profile may use, in catalogue order.
/// </summary>
public sealed class DefaultLayoutService(IWidgetRules rules)
{
    /// <summary>The profile whose default applies to someone holding several: the first of this order.</summary>
    public static Profile PrimaryProfile(Profile profiles) =>
        ProfileNames.Single.FirstOrDefault(p => profiles.HasAny(p), Profile.None);

    internal async Task<IReadOnlyList<DefaultPlacement>> ResolveAsync(EnoeDbContext db, int? schoolId, Profile profiles, CancellationToken ct)
    {
        var profile = PrimaryProfile(profiles);
        var layouts = await db.DefaultLayouts.AsNoTracking().Include(l => l.Placements)
            .Where(l => l.Profile == profile && (l.SchoolId == schoolId || l.SchoolId == null))
            .ToListAsync(ct);
        var chosen = layouts.FirstOrDefault(l => l.SchoolId == schoolId && schoolId != null) ?? layouts.FirstOrDefault(l => l.SchoolId == null);
        if (chosen is not null) return chosen.Placements;

        var builtIn = new List<DefaultPlacement>();
        foreach (var rule in rules.All.Where(r => profiles.HasAny(r.Profiles)))
        {
            var (x, y) = GridLayout.FirstFreeSpot(builtIn, rule.DefaultWidth, rule.DefaultHeight);
            builtIn.Add(new DefaultPlacement { WidgetKey = rule.Key, X = x, Y = y, Width = rule.DefaultWidth, Height = rule.DefaultHeight });
        }
        return builtIn;
    }
}
