using Enoe.Data.Directory;
using Enoe.Data.Schools;

namespace Enoe.Tests.Support;

/// <summary>
/// A small directory with every kind of entry and a few bad ones, in raw SDET values: a collège (A) and a lycée (B),
/// students, parents linked from either side, a teacher in both, direction, vie scolaire, académie staff, a person
/// scheduled for deletion, and seven entries a sync must reject.
/// </summary>
public static class SmallDirectory
{
    public static readonly string UaiA = Uai.Create("0250101"),
        UaiB = Uai.Create("0250102");
    public static readonly string DnA = $"ENTStructureUAI={UaiA},ou=structures,o=test",
        DnB = $"ENTStructureUAI={UaiB},ou=structures,o=test";

    /// <summary>The login a local account already has: the directory entry asking for it is rejected.</summary>
    public const string LocalLogin = "admin.local";

    public static string Dn(string key) => $"uid={key},ou=personnes,o=test";

    public static InMemoryDirectory Create()
    {
        var directory = new InMemoryDirectory();
        directory.Structures.Add(
            new()
            {
                Dn = DnA,
                Uai = UaiA,
                Name = "Collège Jules Verne",
                Kind = "COLLEGE",
                Classes = ["6A$6EME", "6B$6EME", "3A$3EME", "X1$BTS1"],
                Groups = ["LV2ALL$Allemand LV2"],
            }
        );
        directory.Structures.Add(
            new()
            {
                Dn = DnB,
                Uai = UaiB,
                Name = "Lycée Louis Pasteur",
                Kind = "LYCEE GENERAL ET TECHNOLOGIQUE",
                Classes = ["2A$2NDE", "TA$TERM"],
            }
        );
        directory.Structures.Add(new() { Dn = "ENTStructureUAI=?,ou=structures,o=test", Name = "Sans UAI" });
        directory.People.AddRange([
            Person("s1", "National_1", DnA) with
            {
                StudentClasses = [$"{DnA}$6A"],
                StudentGroups = [$"{DnA}$LV2ALL"],
                StudentParents = [Dn("p1")],
            },
            Person("s2", "National_1", DnA) with
            {
                StudentClasses = [$"{DnA}$6B"],
            },
            Person("s3", "National_1", DnB) with
            {
                BirthDate = "02/03/2008",
                StudentClasses = [$"{DnB}$2A"],
            },
            Person("p1", "National_2", DnA),
            Person("p2", "National_2", DnA) with
            {
                ParentChildren = [Dn("s2")],
            },
            Person("t1", "National_3", DnA, DnB) with
            {
                TeacherClassSubjects = [$"{DnA}$6A$MATHS", $"{DnA}$6B$MATHS", $"{DnB}$2A$MATHS"],
                TeacherGroupSubjects = [$"{DnA}$LV2ALL$ALL"],
                TeacherPrincipalClasses = [$"{DnA}$6A"],
            },
            Person("d1", "National_4", DnA) with
            {
                Functions = [$"{DnA}$DIR$Principal"],
            },
            Person("v1", "National_5", DnA),
            Person("n7", "National_7", DnB),
            Person("x1", "National_1", DnA) with
            {
                DeletionDate = "31/08/2026",
            },
            // Seven bad entries.
            Person("", "National_1", DnA) with
            {
                Key = null,
            },
            Person("b2", "National_9", DnA),
            Person("b3", "National_1", DnA) with
            {
                StudentClasses = [$"{DnA}$9Z"],
            },
            Person("b4", "National_3") with
            {
                StructureUais = ["0999999Z"],
            },
            Person("b5", "National_6", DnB) with
            {
                Login = LocalLogin,
            },
            Person("b6", "National_1", DnB) with
            {
                DeletionDate = "2026-08-31",
            },
            Person("b7", "National_2", DnA) with
            {
                Key = "s1",
                Login = "double.s1",
            },
        ]);
        return directory;
    }

    /// <summary>An entry as the directory writes it: login <c>prenom.key</c>, attached by DN and UAI.</summary>
    public static DirectoryPersonEntry Person(string key, string profile, params string[] structures) =>
        new()
        {
            Dn = Dn(key),
            Key = key,
            Login = $"Prenom.{key}",
            FirstName = "Prénom",
            LastName = key.ToUpperInvariant(),
            Mail = $"{key}@ac-test.fr",
            Profiles = [profile],
            StructureDns = structures,
            StructureUais = [.. structures.Select(dn => dn == DnA ? UaiA : UaiB)],
        };
}
