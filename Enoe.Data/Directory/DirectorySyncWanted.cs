using Enoe.Data.People;
using static Enoe.Data.Directory.DirectorySyncValues;

namespace Enoe.Data.Directory;

/// <summary>
/// What one entry asks for, read and checked: the account, its établissements, classes, groups, teaching.
/// </summary>
internal sealed class SyncWanted
{
    public required string Key { get; init; }
    public required string Login { get; init; }
    public required string First { get; init; }
    public required string Last { get; init; }
    public string? Mail { get; init; }
    public DateOnly? Deletion { get; init; }

    /// <summary>
    /// Null when the directory gives none, or one that cannot be read (not a reason to refuse an account).
    /// </summary>
    public DateOnly? BirthDate { get; init; }
    public Profile Profiles { get; init; }
    public Dictionary<int, string?> Schools { get; } = [];

    /// <summary>What the entry does in each of its établissements, which decides its rights there.</summary>
    public Dictionary<int, StaffFunction> Functions { get; } = [];
    public HashSet<int> Classes { get; } = [];
    public HashSet<int> Groups { get; } = [];
    public HashSet<(int SchoolId, string Subject, int? ClassId, int? GroupId)> Teaches { get; } = [];
    public HashSet<int> Tutored { get; } = [];

    /// <summary>
    /// The entry read, or why it is rejected. <paramref name="uais"/>: the known établissements it is attached to (a
    /// single null when none), where it is counted either way.
    /// </summary>
    public static SyncWanted? Read(
        SyncState state,
        DirectoryPersonEntry e,
        Func<string, bool> validLogin,
        out string?[] uais,
        out string? reason
    )
    {
        var schools = new List<SyncSchool>();
        reason = null;
        foreach (var value in e.StructureUais)
            if (UaiCode(value) is { } uai && state.SchoolsByUai.TryGetValue(uai, out var s))
                schools.Add(s);
            else
                reason ??= DirectoryMessages.FormatReject_UnknownSchool(value);
        foreach (var dn in e.StructureDns)
            if (state.SchoolsByDn.TryGetValue(dn, out var s))
                schools.Add(s);
            else
                reason ??= DirectoryMessages.FormatReject_UnknownSchool(dn);
        schools = [.. schools.Distinct()];
        uais = schools.Count == 0 ? [null] : [.. schools.Select(s => s.Uai)];
        var profiles = Profile.None;
        foreach (var value in e.Profiles)
            if (NationalProfile(value) is { } p)
                profiles |= p;
            else
                reason ??= DirectoryMessages.FormatReject_UnknownProfile(value);
        DateOnly? deletion = e.DeletionDate is { } d ? Date(d) : null;
        var login = e.Login?.Trim().ToLowerInvariant();
        reason ??=
            e.Key is not { Length: > 0 and <= 64 } ? DirectoryMessages.Reject_NoKey
            : login is not { Length: > 0 } ? DirectoryMessages.Reject_NoLogin
            : login.Length > 256 || !validLogin(login) ? DirectoryMessages.FormatReject_BadLogin(e.Login)
            : Name(e.FirstName) is null || Name(e.LastName) is null ? DirectoryMessages.Reject_NoName
            : profiles == Profile.None ? DirectoryMessages.Reject_NoProfile
            : schools.Count == 0 ? DirectoryMessages.Reject_NoSchool
            : e.DeletionDate is not null && deletion is null ? DirectoryMessages.FormatReject_BadDate(e.DeletionDate)
            : null;
        if (reason is not null)
            return null;
        var wanted = new SyncWanted
        {
            Key = e.Key!,
            Login = login!,
            First = Name(e.FirstName)!,
            Last = Name(e.LastName)!,
            Mail = Name(e.Mail, 256),
            Deletion = deletion,
            BirthDate = e.BirthDate is { } born ? Date(born) : null,
            Profiles = profiles,
        };
        // The national profile says direction (National_4) or vie scolaire (National_5) in every établissement; the
        // functions' codes say more, établissement by établissement.
        var everywhere = e
            .Profiles.Select(p => p.Trim().ToUpperInvariant())
            .Aggregate(
                StaffFunction.None,
                (all, p) =>
                    all
                    | p switch
                    {
                        "NATIONAL_4" => StaffFunction.Direction,
                        "NATIONAL_5" => StaffFunction.Cpe,
                        _ => StaffFunction.None,
                    }
            );
        foreach (var school in schools)
            (wanted.Schools[school.Id], wanted.Functions[school.Id]) = (null, everywhere);
        // Functions are what the staff page shows beside a name; one naming an établissement the entry is not
        // attached to is left out rather than rejecting a whole entry for a label.
        foreach (var value in e.Functions)
            if (Parts(value, 3) is [var dn, var code, var label] && state.SchoolsByDn.TryGetValue(dn, out var s))
                if (wanted.Schools.TryGetValue(s.Id, out var before))
                {
                    wanted.Schools[s.Id] = Truncate(before is null ? label : $"{before}, {label}", 120);
                    wanted.Functions[s.Id] |= FunctionOf(code);
                }
        reason = wanted.ReadClasses(state, e);
        return reason is null ? wanted : null;
    }

    private string? ReadClasses(SyncState state, DirectoryPersonEntry e)
    {
        foreach (var value in e.StudentClasses.Concat(e.TeacherPrincipalClasses))
            if (Find(state, value, 2, group: false) is not (_, int id))
                return DirectoryMessages.FormatReject_UnknownClass(value);
            else if (e.StudentClasses.Contains(value))
                Classes.Add(id);
            else
                Tutored.Add(id);
        foreach (var value in e.StudentGroups)
            if (Find(state, value, 2, group: true) is (_, int id))
                Groups.Add(id);
            else
                return DirectoryMessages.FormatReject_UnknownGroup(value);
        foreach (var (values, group) in new[] { (e.TeacherClassSubjects, false), (e.TeacherGroupSubjects, true) })
        foreach (var value in values)
        {
            if (Find(state, value, 3, group) is not (var school, int id))
                return group
                    ? DirectoryMessages.FormatReject_UnknownGroup(value)
                    : DirectoryMessages.FormatReject_UnknownClass(value);
            var subject = value.Split('$')[^1].Trim().ToUpperInvariant();
            if (subject.Length is 0 or > 20)
                return DirectoryMessages.FormatReject_BadSubject(value);
            Teaches.Add((school.Id, subject, group ? null : id, group ? id : null));
        }
        return null;
    }

    /// <summary>
    /// <c>structure DN$code</c> (or <c>$subject</c> after it): the établissement and the class or group.
    /// </summary>
    private static (SyncSchool, int)? Find(SyncState state, string value, int parts, bool group) =>
        Parts(value, parts) is [var dn, var code, ..]
        && state.SchoolsByDn.TryGetValue(dn, out var school)
        && (group ? school.Groups : school.Classes).TryGetValue(code, out var id)
            ? (school, id)
            : null;

    /// <summary>
    /// The function an <c>ENTPersonFonctions</c> code gives (the filière's code in the SDET): DIR direction; EDU
    /// (éducation) and SUR (surveillance) the vie scolaire; DOC the CDI; ADF and SEC the secrétariat and intendance;
    /// the other non-teaching filières agents. ENS (teaching) and unknown codes give no staff function.
    /// </summary>
    internal static StaffFunction FunctionOf(string code) =>
        code.Trim().ToUpperInvariant() switch
        {
            "DIR" => StaffFunction.Direction,
            "EDU" or "SUR" => StaffFunction.Cpe,
            "DOC" => StaffFunction.Librarian,
            "ADF" or "SEC" => StaffFunction.Office,
            "OUV" or "LAB" or "MDS" or "ORI" or "AGT" or "TEC" or "ASE" or "SAN" or "SOC" => StaffFunction.Agent,
            _ => StaffFunction.None,
        };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
