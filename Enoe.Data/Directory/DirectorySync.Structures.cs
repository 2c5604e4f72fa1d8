using Enoe.Data.Common;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using static Enoe.Data.Directory.DirectorySyncValues;

namespace Enoe.Data.Directory;

/// <summary>
/// First step of a run: the établissements (by UAI), their classes and groups, written before any person so that
/// people's pages find them. A class or group the directory no longer lists is kept (carnet entries, marks and
/// devoirs hang on it); entries naming it are rejected and its directory enrolments go as its students' entries stop
/// naming it.
/// </summary>
public sealed partial class DirectorySync
{
    private async Task SyncStructuresAsync(SyncState state, CancellationToken ct)
    {
        var entries = new List<DirectoryStructureEntry>();
        await foreach (var entry in source.ReadStructuresAsync(ct))
            entries.Add(entry);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var uais = entries.Select(e => UaiCode(e.Uai)).OfType<string>().Distinct().ToList();
        var schools = await db.Schools.Where(s => uais.Contains(s.Uai)).ToDictionaryAsync(s => s.Uai, ct);
        var slugs = (await db.Schools.Select(s => s.Slug).ToListAsync(ct)).ToHashSet();
        Academy? academy = null;
        var found = new List<(DirectoryStructureEntry Entry, School School)>();
        var written = new List<School>(); // created or renamed: the public site and the académie's list show them
        foreach (var entry in entries)
        {
            if (UaiCode(entry.Uai) is not { } uai || state.SchoolsByUai.ContainsKey(uai))
            {
                Reject(state, null, entry.Dn, DirectoryMessages.FormatStructure_NoUai(entry.Dn));
                continue;
            }
            var name = Name(entry.Name, 200) ?? uai;
            if (!schools.TryGetValue(uai, out var school))
            {
                if (Kind(entry.Kind) is not { } kind)
                {
                    Reject(state, uai, name, DirectoryMessages.FormatStructure_UnknownKind(entry.Kind));
                    continue;
                }
                // The académie ENOE already serves (a fresh database without the demo has none yet).
                academy ??= await db.Academies.OrderBy(a => a.Id).FirstOrDefaultAsync(ct) ?? new() { Name = "ENOE" };
                school = new School
                {
                    Academy = academy,
                    Uai = uai,
                    Name = name,
                    Kind = kind,
                    Slug = FreeSlug(slugs, name),
                };
                db.Schools.Add(school);
                written.Add(school);
                state.Report.Add(
                    new(DirectoryChangeKind.Created, uai, name, DirectoryMessages.FormatStructure_Created(name))
                );
            }
            else if (school.Name != name)
            {
                var change = DirectoryMessages.FormatStructure_Renamed(school.Name, name);
                state.Report.Add(new(DirectoryChangeKind.Updated, uai, name, change));
                school.Name = name;
                written.Add(school);
            }
            found.Add((entry, school));
        }
        await SaveAsync(state, db, ct);
        if (!state.DryRun && written.Count > 0)
            await access.ForgetAsync(written.Select(s => s.Id));
        foreach (var (entry, school) in found)
        {
            var known = new SyncSchool(school.Id == 0 ? state.Invent() : school.Id, school.Uai, school.Name);
            state.SchoolsByUai[known.Uai] = known;
            state.SchoolsByDn[entry.Dn] = known;
            state.SchoolsById[known.Id] = known;
        }
        await SyncClassesAndGroupsAsync(state, db, found.Select(f => (f.Entry, state.SchoolsByDn[f.Entry.Dn])), ct);
    }

    private async Task SyncClassesAndGroupsAsync(
        SyncState state,
        EnoeDbContext db,
        IEnumerable<(DirectoryStructureEntry Entry, SyncSchool School)> schools,
        CancellationToken ct
    )
    {
        db.ChangeTracker.Clear();
        var ids = state.SchoolsById.Keys.ToList();
        var levels = await db.Levels.AsNoTracking().ToDictionaryAsync(l => l.Code, ct);
        var classes = await db.Classes.Where(c => ids.Contains(c.SchoolId)).ToListAsync(ct);
        var groups = await db.Groups.Where(g => ids.Contains(g.SchoolId)).ToListAsync(ct);
        // Looked up by school, not scanned: an académie has thousands of classes.
        var classByCode = new Dictionary<(int, string), SchoolClass>();
        foreach (var c in classes)
            classByCode.TryAdd((c.SchoolId, c.Name.ToUpperInvariant()), c);
        var groupsBySchool = groups.GroupBy(g => g.SchoolId).ToDictionary(g => g.Key, g => g.ToList());
        var added = new List<(SyncSchool School, string Code, object Row)>();
        foreach (var (entry, school) in schools)
        {
            foreach (var value in entry.Classes)
            {
                if (Parts(value, 2) is not [var code, var niveau] || code.Length > 40)
                {
                    Reject(state, school.Uai, entry.Dn, DirectoryMessages.FormatStructure_BadValue(value));
                    continue;
                }
                if (school.Classes.ContainsKey(code))
                    continue;
                if (Level(niveau) is not { } level)
                {
                    var why = DirectoryMessages.FormatStructure_UnknownLevel(code, niveau);
                    Reject(state, school.Uai, school.Name, why);
                    continue;
                }
                var row = classByCode.GetValueOrDefault((school.Id, code.ToUpperInvariant()));
                if (row is null)
                {
                    row = new SchoolClass
                    {
                        SchoolId = school.Id,
                        LevelId = levels[level].Id,
                        Name = code,
                    };
                    db.Classes.Add(row);
                    classes.Add(row);
                    classByCode[(school.Id, code.ToUpperInvariant())] = row;
                    Change(state, DirectoryChangeKind.Created, school, DirectoryMessages.FormatClass_Created(code));
                }
                else if (row.LevelId != levels[level].Id)
                {
                    row.LevelId = levels[level].Id;
                    Change(
                        state,
                        DirectoryChangeKind.Updated,
                        school,
                        DirectoryMessages.FormatClass_LevelChanged(code, level)
                    );
                }
                school.Classes[code] = row.Id;
                added.Add((school, code, row));
            }
            foreach (var value in entry.Groups)
            {
                if (Parts(value, 2) is not [var code, var label] || code.Length > 40 || label.Length > 80)
                {
                    Reject(state, school.Uai, entry.Dn, DirectoryMessages.FormatStructure_BadValue(value));
                    continue;
                }
                if (school.Groups.ContainsKey(code))
                    continue;
                if (!groupsBySchool.TryGetValue(school.Id, out var mine))
                    groupsBySchool[school.Id] = mine = [];
                // By code; else a group made by hand under the label or the code is adopted.
                var row =
                    mine.FirstOrDefault(g => code.Equals(g.Code, Ordinal))
                    ?? mine.FirstOrDefault(g => g.Code is null && (g.Name == label || g.Name == code));
                if (row is null)
                {
                    row = new TeachingGroup
                    {
                        SchoolId = school.Id,
                        Name = label,
                        Code = code,
                    };
                    db.Groups.Add(row);
                    groups.Add(row);
                    mine.Add(row);
                    Change(state, DirectoryChangeKind.Created, school, DirectoryMessages.FormatGroup_Created(label));
                }
                else
                {
                    row.Code = code;
                    if (row.Name != label && !mine.Any(g => g.Name == label))
                    {
                        Change(
                            state,
                            DirectoryChangeKind.Updated,
                            school,
                            DirectoryMessages.FormatGroup_Renamed(row.Name, label)
                        );
                        row.Name = label;
                    }
                }
                school.Groups[code] = row.Id;
                added.Add((school, code, row));
            }
        }
        await SaveAsync(state, db, ct);
        foreach (var (school, code, row) in added)
            if (row is SchoolClass c)
                school.Classes[code] = c.Id == 0 ? state.Invent() : c.Id;
            else if (row is TeachingGroup g)
                school.Groups[code] = g.Id == 0 ? state.Invent() : g.Id;
        foreach (var c in classes)
            state.ClassNames[c.Id == 0 ? FindInvented(state, c.SchoolId, c.Name, true) : c.Id] = (c.SchoolId, c.Name);
        foreach (var g in groups)
            state.GroupNames[g.Id == 0 ? FindInvented(state, g.SchoolId, g.Code!, false) : g.Id] = (g.SchoolId, g.Name);
        foreach (var s in await db.Subjects.AsNoTracking().Where(s => ids.Contains(s.SchoolId)).ToListAsync(ct))
        {
            state.Subjects[(s.SchoolId, s.Code.ToUpperInvariant())] = s.Id;
            state.SubjectCodes[s.Id] = s.Code;
        }
    }

    private const StringComparison Ordinal = StringComparison.OrdinalIgnoreCase;

    private static int FindInvented(SyncState state, int schoolId, string code, bool isClass)
    {
        var school = state.SchoolsById[schoolId];
        return (isClass ? school.Classes : school.Groups)[code];
    }

    /// <summary>
    /// The slug from the name, as the console makes them: never one of the app's own paths, -2, -3... when taken.
    /// </summary>
    private static string FreeSlug(HashSet<string> taken, string name)
    {
        var slug = Schools.SchoolSlugs.Unique(name, taken);
        taken.Add(slug);
        return slug;
    }

    private static void Change(SyncState state, DirectoryChangeKind kind, SyncSchool school, string detail) =>
        state.Report.Add(new(kind, school.Uai, school.Name, detail));

    private static void Reject(SyncState state, string? uai, string who, string detail) =>
        state.Report.Add(new(DirectoryChangeKind.Rejected, uai, who, detail));
}
