using Enoe.Data.Directory;

namespace Enoe.Tests.Support.TestDirectory;

public sealed partial class SampleDirectory
{
    private static readonly (string Shown, string Ascii)[] FirstNames =
    [
        ("Léa", "lea"),
        ("Hugo", "hugo"),
        ("Chloé", "chloe"),
        ("Louis", "louis"),
        ("Inès", "ines"),
        ("Noé", "noe"),
        ("Manon", "manon"),
        ("Jules", "jules"),
        ("Zoé", "zoe"),
        ("Adam", "adam"),
        ("Maëlys", "maelys"),
    ];

    private static readonly (string Shown, string Ascii)[] LastNames =
    [
        ("Martin", "martin"),
        ("Bernard", "bernard"),
        ("Lefèvre", "lefevre"),
        ("Petit", "petit"),
        ("Durand", "durand"),
        ("Moreau", "moreau"),
        ("Le Gall", "le-gall"),
        ("Rousseau", "rousseau"),
        ("Fontaine", "fontaine"),
        ("Bérard", "berard"),
        ("Chevalier", "chevalier"),
        ("Gaillard", "gaillard"),
        ("N'Diaye", "ndiaye"),
    ];

    /// <summary>The people in a fixed order, made one at a time.</summary>
    internal IEnumerable<SamplePerson> Generate()
    {
        var rank = 0;
        for (var k = 0; k < schools; k++)
        {
            var perSchool = classesPerSchool * studentsPerClass;
            for (var j = 0; j < perSchool; j++)
                yield return Student(k, j, rank++);
            for (var j = 0; j < perSchool; j++)
                yield return Parent(k, j, rank++);
            for (var t = 0; t < classesPerSchool; t++)
                yield return Teacher(k, t, rank++);
            yield return StaffMember(k, "DIR", "National_4", "DIR$DIRECTION", "Principal", rank++);
            yield return StaffMember(k, "EDU", "National_5", "EDU$EDUCATION", "CPE", rank++);
            yield return StaffMember(k, "ADF", "National_6", "ADF$ADMINISTRATION", "Secrétaire", rank++) with
            {
                DisplayNameOnly = true,
            };
        }
        yield return TwoSchoolParentEntry(rank++);
        yield return TwoSchoolTeacherEntry(rank++);
        var leaving = Alone(Student(0, 0, rank++), LeavingStudent);
        yield return leaving with
        {
            Entry = leaving.Entry with { DeletionDate = LeavingDate },
        };
        var noKey = Alone(Student(0, 1, rank++), PersonDn("BAD", 0, 1));
        yield return noKey with
        {
            Entry = noKey.Entry with { Key = null },
        };
        var unknownClass = Alone(Student(0, 2, rank++), PersonDn("BAD", 0, 2));
        yield return unknownClass with
        {
            Entry = unknownClass.Entry with { StudentClasses = [$"{SchoolDn(0)}$9Z"] },
        };
        var unknownProfile = StaffMember(0, "BAD", "National_99", "XXX$INCONNU", "Inconnu", rank++);
        yield return Alone(unknownProfile, PersonDn("BAD", 0, 3));
    }

    private SamplePerson Student(int k, int j, int rank)
    {
        var school = SchoolDn(k);
        var parent = ParentDn(k, j);
        var studentSide = j % 3 != 1;
        IReadOnlyList<string> parents = studentSide && (j % 3 == 2 || j % 2 == 0) ? [parent] : [];
        IReadOnlyList<string> authority = studentSide && (j % 3 == 2 || j % 2 == 1) ? [parent] : [];
        if (j == 0 && k == 0 && schools > 1)
            authority = [.. authority, TwoSchoolParent];
        List<string> groups = [];
        if (j % 2 == 0)
            groups.Add($"{school}$LAT");
        if (j % 3 == 0)
            groups.Add($"{school}$ESP");
        return new(
            Person(StudentDn(k, j), rank, "National_1", k) with
            {
                StudentClasses = [$"{school}${ClassCode(j / studentsPerClass)}"],
                StudentGroups = groups,
                StudentParents = [.. parents.Union(authority)],
            },
            "ENTEleve",
            parents,
            authority
        );
    }

    private SamplePerson Parent(int k, int j, int rank)
    {
        IReadOnlyList<string> children = j % 3 == 0 ? [] : [StudentDn(k, j)];
        return new(
            Person(ParentDn(k, j), rank, "National_2", k) with
            {
                ParentChildren = children,
            },
            "ENTAuxPersRelEleve",
            [],
            []
        );
    }

    private SamplePerson Teacher(int k, int t, int rank)
    {
        var school = SchoolDn(k);
        var subject = Subjects[t % Subjects.Length];
        var classes = new[] { t, (t + 1) % classesPerSchool }.Distinct().Select(ClassCode);
        IReadOnlyList<string> groups = t switch
        {
            0 => [$"{school}$LAT$LATIN"],
            1 => [$"{school}$ESP$ESPAGNOL LV2"],
            _ => [],
        };
        return new(
            Person(TeacherDn(k, t), rank, "National_3", k) with
            {
                Functions = [$"{school}$ENS$ENSEIGNEMENT"],
                TeacherClassSubjects = [.. classes.Select(c => $"{school}${c}${subject}")],
                TeacherGroupSubjects = groups,
                TeacherPrincipalClasses = [$"{school}${ClassCode(t)}"],
            },
            "ENTAuxEnseignant",
            [],
            []
        );
    }

    private SamplePerson StaffMember(int k, string kind, string profile, string function, string title, int rank) =>
        new(
            Person(PersonDn(kind, k, 0), rank, profile, k) with
            {
                Functions = [$"{SchoolDn(k)}${function}"],
                Title = title,
            },
            "ENTAuxNonEnsEtab",
            [],
            []
        );

    private SamplePerson TwoSchoolParentEntry(int rank)
    {
        var person = Person(TwoSchoolParent, rank, "National_2", 0);
        return new(
            person with
            {
                StructureDns = [SchoolDn(0), SchoolDn(1 % schools)],
                StructureUais = [Uai(0), Uai(1 % schools)],
                ParentChildren = schools > 1 ? [StudentDn(1, 0)] : [],
            },
            "ENTAuxPersRelEleve",
            [],
            []
        );
    }

    private SamplePerson TwoSchoolTeacherEntry(int rank)
    {
        var other = 1 % schools;
        var person = Person(TwoSchoolTeacher, rank, "National_3", 0);
        return new(
            person with
            {
                StructureDns = [SchoolDn(0), SchoolDn(other)],
                StructureUais = [Uai(0), Uai(other)],
                Functions = [$"{SchoolDn(0)}$ENS$ENSEIGNEMENT", $"{SchoolDn(other)}$ENS$ENSEIGNEMENT"],
                TeacherClassSubjects = [$"{SchoolDn(0)}${ClassCode(0)}$EPS", $"{SchoolDn(other)}${ClassCode(0)}$EPS"],
            },
            "ENTAuxEnseignant",
            [],
            []
        );
    }

    private static DirectoryPersonEntry Person(string dn, int rank, string profile, int k)
    {
        var first = FirstNames[rank % FirstNames.Length];
        var last = LastNames[rank / FirstNames.Length % LastNames.Length];
        var login = $"{first.Ascii}.{last.Ascii}{rank}";
        var uid = dn[4..dn.IndexOf(',')];
        return new()
        {
            Dn = dn,
            Key = Key(uid),
            Login = login,
            FirstName = first.Shown,
            LastName = last.Shown.ToUpperInvariant(),
            DisplayName = $"{first.Shown} {last.Shown}",
            Mail = profile is "National_1" or "National_2" ? null : $"{login}@ac-enoe.test",
            BirthDate = profile is "National_1" ? $"{1 + login.Length % 28:D2}/03/2013" : null,
            Profiles = [profile],
            StructureDns = [SchoolDn(k)],
            StructureUais = [Uai(k)],
        };
    }

    /// <summary>A copy of a generated person under another DN and key, linked to no parent.</summary>
    private static SamplePerson Alone(SamplePerson person, string dn) =>
        person with
        {
            Entry = person.Entry with { Dn = dn, Key = Key(dn[4..dn.IndexOf(',')]), StudentParents = [] },
            ParentsAttribute = [],
            AuthorityAttribute = [],
        };
}
