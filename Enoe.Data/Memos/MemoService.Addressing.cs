using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>Whom a sender may choose in the picker, and what each audience is called.</summary>
public sealed partial class MemoService
{
    /// <summary>
    /// What this person may address in their current établissement, for the picker: the people
    /// matching <paramref name="search"/> that the rules let them reach, and the audiences they may
    /// write to as a whole (their classes' students, parents, teachers; groups; profiles).
    /// </summary>
    public async Task<IReadOnlyList<AddressOption>> AddressOptionsAsync(
        CurrentUser user,
        string? search,
        int take = 12,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is not null)
            return [];
        if (user.SchoolId is not int schoolId)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sender = await Reach.SenderAsync(db, user.PersonId, schoolId, ct);
        if (sender is null)
            return [];
        var reachable = Reach.People(db, sender);
        var options = new List<AddressOption>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var people = await MatchingAsync(
                db.Memberships.Where(m => m.SchoolId == schoolId && reachable.Contains(m.PersonId)),
                search,
                take,
                ct
            );
            options.AddRange(
                people.Select(p => new AddressOption(
                    new MemoAddress(AudienceKind.Person, p.PersonId, p.Name),
                    p.Detail
                ))
            );
        }
        var classes = await db
            .Classes.Where(c => c.SchoolId == schoolId)
            .OrderBy(c => c.LevelId)
            .ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        var groups = await db
            .Groups.Where(g => g.SchoolId == schoolId)
            .OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name })
            .ToListAsync(ct);
        var candidates = classes
            .SelectMany(c =>
                new[]
                {
                    new MemoAddress(
                        AudienceKind.ClassStudents,
                        c.Id,
                        AudienceLabel(AudienceKind.ClassStudents, c.Name)
                    ),
                    new MemoAddress(AudienceKind.ClassParents, c.Id, AudienceLabel(AudienceKind.ClassParents, c.Name)),
                    new MemoAddress(
                        AudienceKind.ClassTeachers,
                        c.Id,
                        AudienceLabel(AudienceKind.ClassTeachers, c.Name)
                    ),
                }
            )
            .Concat(
                groups.Select(g => new MemoAddress(
                    AudienceKind.GroupStudents,
                    g.Id,
                    AudienceLabel(AudienceKind.GroupStudents, g.Name)
                ))
            )
            .Concat(ProfileAudiences())
            .Where(a =>
                string.IsNullOrWhiteSpace(search)
                || a.Label.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase)
            );
        // An audience is offered only when the sender reaches all of it (one count query each, on small sets).
        foreach (var audience in candidates)
        {
            if (options.Count >= take * 2)
                break;
            var (total, allowed) = await CountAsync(db, schoolId, user.PersonId, audience, reachable, ct);
            if (total > 0 && total == allowed)
                options.Add(
                    new AddressOption(
                        audience,
                        total == 1 ? MemoMessages.People_One : MemoMessages.FormatPeople_Many(total)
                    )
                );
        }
        return options;
    }

    /// <summary>
    /// The whole-profile audiences a sender may choose (labels in the reader's language, so built when asked).
    /// </summary>
    private static MemoAddress[] ProfileAudiences() =>
        [
            new(AudienceKind.Profile, (int)Profile.Teacher, MemoMessages.Audience_AllTeachers),
            new(AudienceKind.Profile, (int)Profile.Direction, MemoMessages.Audience_AllStaff),
            new(AudienceKind.Profile, (int)Profile.Student, MemoMessages.Audience_AllStudents),
            new(AudienceKind.Profile, (int)Profile.Parent, MemoMessages.Audience_AllParents),
        ];

    private static string AudienceLabel(AudienceKind kind, string name) =>
        kind switch
        {
            AudienceKind.ClassStudents => MemoMessages.FormatAudience_ClassStudents(name),
            AudienceKind.ClassParents => MemoMessages.FormatAudience_ClassParents(name),
            AudienceKind.ClassTeachers => MemoMessages.FormatAudience_ClassTeachers(name),
            AudienceKind.GroupStudents => MemoMessages.FormatAudience_Group(name),
            _ => name,
        };

    /// <summary>
    /// What an audience (not a person) is called, read from the database: a draft comes back from the
    /// browser, and the label it carries is not trusted. Null when it names nothing in the établissement.
    /// </summary>
    private static async Task<string?> AudienceLabelAsync(
        EnoeDbContext db,
        int schoolId,
        MemoAddress address,
        CancellationToken ct
    )
    {
        var target = address.TargetId;
        var name = address.Kind switch
        {
            AudienceKind.ClassStudents or AudienceKind.ClassParents or AudienceKind.ClassTeachers => await db
                .Classes.Where(c => c.Id == target && c.SchoolId == schoolId)
                .Select(c => c.Name)
                .FirstOrDefaultAsync(ct),
            AudienceKind.GroupStudents => await db
                .Groups.Where(g => g.Id == target && g.SchoolId == schoolId)
                .Select(g => g.Name)
                .FirstOrDefaultAsync(ct),
            _ => ProfileAudiences().FirstOrDefault(a => a.Kind == address.Kind && a.TargetId == target)?.Label,
        };
        return name is null ? null : AudienceLabel(address.Kind, name);
    }
}
