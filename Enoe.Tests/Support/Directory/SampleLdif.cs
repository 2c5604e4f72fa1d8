using System.Text;
using Enoe.Data.Directory;

namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// Writes a <see cref="SampleDirectory"/> as LDIF (RFC 2849), entry after entry: the base, its two branches, the
/// service account, the établissements, then the people with their password. Values that are not plain ASCII (accents
/// in names) are base64, as LDIF requires.
/// </summary>
public static class SampleLdif
{
    public static void Write(
        SampleDirectory sample,
        TextWriter ldif,
        string servicePassword,
        params string[] serviceDns
    )
    {
        Entry(ldif, SampleDirectory.BaseDn, ("objectClass", "organizationalUnit"), ("ou", "ac-enoe"));
        foreach (var ou in new[] { "structures", "personnes", "services" })
            Entry(ldif, $"ou={ou},{SampleDirectory.BaseDn}", ("objectClass", "organizationalUnit"), ("ou", ou));
        foreach (var account in serviceDns)
            Entry(
                ldif,
                account,
                ("objectClass", "person"),
                ("cn", account[3..account.IndexOf(',')]),
                ("sn", "ENOE"),
                ("userPassword", servicePassword)
            );
        foreach (var school in sample.Structures)
            Write(ldif, school);
        foreach (var person in sample.Generate())
            Write(ldif, person);
    }

    private static void Write(TextWriter ldif, DirectoryStructureEntry school) =>
        Entry(
            ldif,
            school.Dn,
            [
                ("objectClass", "ENTStructure"),
                ("objectClass", "ENTEtablissement"),
                ("ENTStructureSIREN", school.Dn[(school.Dn.IndexOf('=') + 1)..school.Dn.IndexOf(',')]),
                ("ENTStructureJointure", "S" + school.Uai),
                ("ENTStructureUAI", school.Uai),
                ("ENTStructureNomCourant", school.Name),
                ("ENTStructureTypeStruct", school.Kind),
                .. Many("ENTStructureClasses", school.Classes),
                .. Many("ENTStructureGroupes", school.Groups),
            ]
        );

    private static void Write(TextWriter ldif, SamplePerson person)
    {
        var p = person.Entry;
        Entry(
            ldif,
            p.Dn,
            [
                ("objectClass", "ENTPerson"),
                ("objectClass", person.AuxiliaryClass),
                ("uid", p.Dn[4..p.Dn.IndexOf(',')]),
                ("userPassword", SampleDirectory.Password),
                ("ENTPersonJointure", p.Key),
                ("ENTPersonLogin", p.Login),
                ("ENTPersonNom", p.LastName),
                ("ENTPersonPrenom", p.FirstName),
                ("ENTPersonNomAffichage", person.DisplayNameOnly ? null : p.DisplayName),
                // Another spelling: the reader must prefer ENTPersonNomAffichage when both are there.
                ("displayName", person.DisplayNameOnly ? p.DisplayName : $"{p.LastName} {p.FirstName}"),
                ("mail", p.Mail),
                ("title", p.Title),
                ("ENTPersonDateSuppression", p.DeletionDate),
                .. Many("ENTPersonProfils", p.Profiles),
                .. Many("ENTPersonStructRattach", p.StructureDns),
                .. Many("ENTPersonStructRattachRNE", p.StructureUais),
                .. Many("ENTPersonFonctions", p.Functions),
                .. Many("ENTEleveClasses", p.StudentClasses),
                .. Many("ENTEleveGroupes", p.StudentGroups),
                .. Many("ENTEleveParents", person.ParentsAttribute),
                .. Many("ENTEleveAutoriteParentale", person.AuthorityAttribute),
                .. Many("ENTAuxPersRelEleveEleve", p.ParentChildren),
                .. Many("ENTAuxEnsClasses", p.TeacherClassSubjects.Select(v => v[..v.LastIndexOf('$')]).Distinct()),
                .. Many("ENTAuxEnsClassesMatieres", p.TeacherClassSubjects),
                .. Many("ENTAuxEnsGroupesMatieres", p.TeacherGroupSubjects),
                .. Many("ENTAuxEnsClassesPrincipal", p.TeacherPrincipalClasses),
                ("ENTPersonDateNaissance", p.BirthDate),
            ]
        );
    }

    private static IEnumerable<(string, string?)> Many(string attribute, IEnumerable<string> values) =>
        values.Select(v => (attribute, (string?)v));

    private static void Entry(TextWriter ldif, string dn, params (string Name, string? Value)[] attributes)
    {
        Line(ldif, "dn", dn);
        foreach (var (name, value) in attributes)
            if (value is not null)
                Line(ldif, name, value);
        ldif.Write('\n');
    }

    private static void Line(TextWriter ldif, string name, string value)
    {
        var safe = value.All(c => c is > ' ' and < '\x7f' || c == ' ') && value[0] is not (' ' or ':' or '<');
        ldif.Write(name);
        ldif.Write(safe ? ": " + value : ":: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
        ldif.Write('\n');
    }
}
