using System.ComponentModel;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>What a profile's default imposes, as cached: the same for everyone of that profile there.</summary>
[ImmutableObject(true)]
internal sealed record ImposedDefault(IReadOnlyList<LayoutService.Imposed> Placements);

/// <summary>
/// What a default imposes is read on every dashboard opened and changed by a few administrators: it is cached per
/// établissement and profile (<see cref="Caching.EnoeCache"/>, shared between instances) and dropped when a default
/// is customised, edited or reverted.
/// </summary>
public sealed partial class DefaultLayoutService
{
    private const string AcademyTag = "defaults:academy";

    private static string SchoolTag(int? schoolId) => schoolId is int id ? $"defaults:school:{id}" : AcademyTag;

    /// <summary>
    /// The mandatory and locked placements of <paramref name="profile"/>'s default in <paramref name="schoolId"/>:
    /// the établissement's own default, else the académie's.
    /// </summary>
    internal ValueTask<ImposedDefault> ImposedAsync(int? schoolId, Profile profile, CancellationToken ct) =>
        cache.GetOrCreateAsync(
            $"defaults:imposed:{schoolId}:{(int)profile}",
            c => LoadImposedAsync(schoolId, profile, c),
            [AcademyTag, SchoolTag(schoolId)],
            ct
        );

    private async ValueTask<ImposedDefault> LoadImposedAsync(int? schoolId, Profile profile, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var layouts = await db
            .DefaultLayouts.AsNoTracking()
            .Where(l => l.Profile == profile && (l.SchoolId == schoolId || l.SchoolId == null))
            .Select(l => new
            {
                l.SchoolId,
                Imposed = l
                    .Placements.Where(x => x.Mandatory || x.Locked)
                    .Select(x => new LayoutService.Imposed(
                        x.WidgetKey,
                        x.X,
                        x.Y,
                        x.Width,
                        x.Height,
                        x.Mandatory,
                        x.Locked
                    ))
                    .ToList(),
            })
            .ToListAsync(ct);
        var chosen =
            layouts.FirstOrDefault(l => l.SchoolId == schoolId && schoolId != null)
            ?? layouts.FirstOrDefault(l => l.SchoolId == null);
        return new ImposedDefault(chosen?.Imposed ?? []);
    }

    /// <summary>
    /// Once a default of <paramref name="schoolId"/> (null: the académie's) changed and committed: drops what it
    /// imposes here and on every instance.
    /// </summary>
    internal Task ChangedAsync(int? schoolId) => cache.InvalidateAsync(SchoolTag(schoolId));
}
