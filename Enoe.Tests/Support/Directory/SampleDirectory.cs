using Enoe.Data.Directory;
using Enoe.Data.Schools;

namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// A generated académie directory in the SDET vocabulary (DIRECTORY.md), the same every time for the same size: the
/// records <see cref="IDirectorySource"/> should return (<see cref="Structures"/>, <see cref="People"/>) and their
/// LDIF (<see cref="SampleLdif"/>) for the test slapd. People are made one at a time, so 50,000 cost no memory.
/// <para>With S établissements, C classes each and P students a class (defaults 2, 6, 24: 600 people):</para>
/// <list type="bullet">
/// <item>S établissements (valid UAIs <c>025kkkkX</c>, even ones COLLEGE, odd ones LYCEE GENERAL), each with C classes
/// (6A, 5A, 4A, 3A, 6B...) and 2 groups (LAT, ESP).</item>
/// <item><see cref="Students"/> = S×C×P (National_1): student j in class j / P; in group LAT when j is even, ESP when
/// j % 3 = 0.</item>
/// <item><see cref="Parents"/> = S×C×P + 1 (National_2): parent j of student j, linked on the student's side only
/// when j % 3 = 0 (in ENTEleveParents when j is even, ENTEleveAutoriteParentale when odd), on the parent's side only
/// when j % 3 = 1, on both (and in both student attributes) when j % 3 = 2. Plus <see cref="TwoSchoolParent"/>,
/// second parent of student 0 of établissements 0 (linked on the student's side) and 1 (on the parent's side).</item>
/// <item><see cref="Teachers"/> = S×C + 1 (National_3): teacher t teaches <see cref="Subjects"/>[t % 6] in classes t
/// and t+1 (mod C), is professeur principal of class t; teacher 0 teaches Latin to LAT, teacher 1 Spanish to ESP.
/// Plus <see cref="TwoSchoolTeacher"/>: EPS in class 0 of établissements 0 and 1.</item>
/// <item>S direction (National_4), S vie scolaire (National_5), S other staff (National_6, displayName only,
/// no ENTPersonNomAffichage).</item>
/// <item><see cref="Leaving"/>: 1 more student of établissement 0, class 0, with ENTPersonDateSuppression.</item>
/// <item><see cref="Rejects"/>: 3 bad entries, all in établissement 0: a student without ENTPersonJointure, a student
/// of an unknown class (9Z), a person with an unknown profile (National_99).</item>
/// </list>
/// Everyone's password is <see cref="Password"/>; logins are <c>prenom.nomN</c>, N the entry's rank.
/// </summary>
public sealed partial class SampleDirectory(int schools = 2, int classesPerSchool = 6, int studentsPerClass = 24)
{
    public const string BaseDn = "ou=ac-enoe,ou=education,o=gouv,c=fr";
    public const string PeopleDn = "ou=personnes," + BaseDn;
    public const string StructuresDn = "ou=structures," + BaseDn;
    public const string Password = "Annuaire#2026";
    public const string LeavingDate = "31/08/2026";

    public static readonly string[] Subjects =
    [
        "MATHEMATIQUES",
        "FRANCAIS",
        "HISTOIRE-GEOGRAPHIE",
        "ANGLAIS LV1",
        "SVT",
        "TECHNOLOGIE",
    ];

    private static readonly string[] Levels = ["6", "5", "4", "3"];

    /// <summary>
    /// About <paramref name="people"/> people: as many établissements of the default size as it takes.
    /// </summary>
    public static SampleDirectory ForPeople(int people) => new(Math.Max(2, (int)Math.Ceiling(people / 297.0)));

    private readonly int _schools = schools >= 2 ? schools : throw new ArgumentOutOfRangeException(nameof(schools));

    public int SchoolCount => _schools;
    public int ClassesPerSchool => classesPerSchool;
    public int StudentsPerClass => studentsPerClass;

    public int Students => schools * classesPerSchool * studentsPerClass;
    public int Parents => Students + 1;
    public int Teachers => schools * classesPerSchool + 1;
    public int Direction => schools;
    public int LifeOffice => schools;
    public int Staff => schools;
    public const int Leaving = 1;
    public const int Rejects = 3;

    /// <summary>Every person entry, good and bad.</summary>
    public int PeopleCount => Students + Parents + Teachers + Direction + LifeOffice + Staff + Leaving + Rejects;

    public static string Uai(int school) => Enoe.Data.Schools.Uai.Create($"025{school + 1:D4}");

    public static string SchoolDn(int school) => $"ENTStructureSIREN={Siren(school)},{StructuresDn}";

    public string ClassCode(int index) => $"{Levels[index % 4]}{(char)('A' + index / 4)}";

    public IEnumerable<DirectoryStructureEntry> Structures =>
        Enumerable
            .Range(0, schools)
            .Select(k => new DirectoryStructureEntry
            {
                Dn = SchoolDn(k),
                Uai = Uai(k),
                Name = $"{(k % 2 == 0 ? "Collège" : "Lycée")} de l'Annuaire n° {k + 1}",
                Kind = k % 2 == 0 ? "COLLEGE" : "LYCEE GENERAL",
                Classes = [.. Enumerable.Range(0, classesPerSchool).Select(i => $"{ClassCode(i)}${Levels[i % 4]}EME")],
                Groups = ["LAT$Latin", "ESP$Espagnol LV2"],
            });

    public static string Siren(int school) => $"1925{school:D5}";

    public static string StudentDn(int school, int j) => PersonDn("ELV", school, j);

    public static string ParentDn(int school, int j) => PersonDn("PAR", school, j);

    public static string TeacherDn(int school, int t) => PersonDn("ENS", school, t);

    public static string DirectionDn(int school) => PersonDn("DIR", school, 0);

    public static string LifeOfficeDn(int school) => PersonDn("EDU", school, 0);

    public static string StaffDn(int school) => PersonDn("ADF", school, 0);

    public static string TwoSchoolParent => PersonDn("PRX", 0, 0);
    public static string TwoSchoolTeacher => PersonDn("ENX", 0, 0);
    public static string LeavingStudent => PersonDn("ELL", 0, 0);

    public static string Uid(string kind, int school, int index) => $"{kind}{school:D4}{index:D5}";

    public static string Key(string uid) => "J" + uid;

    private static string PersonDn(string kind, int school, int index) => $"uid={Uid(kind, school, index)},{PeopleDn}";

    /// <summary>The generated person whose DN this is (null when there is none).</summary>
    public SamplePerson? Find(string dn) =>
        Generate().FirstOrDefault(p => string.Equals(p.Entry.Dn, dn, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every person record, as the directory should return it.</summary>
    public IEnumerable<DirectoryPersonEntry> People => Generate().Select(p => p.Entry);
}

/// <summary>
/// One generated person: the record, and what the LDIF needs beyond it (which of the two student attributes holds
/// each parent link, whether the display name is only in <c>displayName</c>).
/// </summary>
public sealed record SamplePerson(
    DirectoryPersonEntry Entry,
    string AuxiliaryClass,
    IReadOnlyList<string> ParentsAttribute,
    IReadOnlyList<string> AuthorityAttribute,
    bool DisplayNameOnly = false
);
