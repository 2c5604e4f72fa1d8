using System.DirectoryServices.Protocols;

namespace Enoe.Data.Directory.Ldap;

/// <summary>
/// The SDET attributes ENOE reads (DIRECTORY.md) and how one search result becomes a record. Only these are asked
/// for: a directory entry carries many more, and a page of 500 people should not bring them all. Names are matched
/// case-insensitively, as LDAP does: directories return them in their own schema's spelling.
/// </summary>
internal static class SdetAttributes
{
    public static readonly string[] Structure =
    [
        "ENTStructureUAI",
        "ENTStructureNomCourant",
        "ENTStructureTypeStruct",
        "ENTStructureClasses",
        "ENTStructureGroupes",
    ];

    public static readonly string[] Person =
    [
        "ENTPersonJointure",
        "ENTPersonLogin",
        "ENTPersonNom",
        "ENTPersonPrenom",
        "ENTPersonNomAffichage",
        "displayName",
        "mail",
        "ENTPersonProfils",
        "ENTPersonStructRattach",
        "ENTPersonStructRattachRNE",
        "ENTPersonFonctions",
        "ENTPersonDateSuppression",
        "ENTPersonDateNaissance",
        "title",
        "ENTEleveClasses",
        "ENTEleveGroupes",
        "ENTEleveParents",
        "ENTEleveAutoriteParentale",
        "ENTAuxPersRelEleveEleve",
        "ENTAuxEnsClassesMatieres",
        "ENTAuxEnsGroupesMatieres",
        "ENTAuxEnsClassesPrincipal",
    ];

    public static DirectoryStructureEntry ToStructure(SearchResultEntry entry)
    {
        var a = Read(entry);
        return new()
        {
            Dn = entry.DistinguishedName,
            Uai = a.One("ENTStructureUAI"),
            Name = a.One("ENTStructureNomCourant"),
            Kind = a.One("ENTStructureTypeStruct"),
            Classes = a.All("ENTStructureClasses"),
            Groups = a.All("ENTStructureGroupes"),
        };
    }

    public static DirectoryPersonEntry ToPerson(SearchResultEntry entry)
    {
        var a = Read(entry);
        return new()
        {
            Dn = entry.DistinguishedName,
            Key = a.One("ENTPersonJointure"),
            Login = a.One("ENTPersonLogin"),
            LastName = a.One("ENTPersonNom"),
            FirstName = a.One("ENTPersonPrenom"),
            DisplayName = a.One("ENTPersonNomAffichage") ?? a.One("displayName"),
            Mail = a.One("mail"),
            Profiles = a.All("ENTPersonProfils"),
            StructureDns = a.All("ENTPersonStructRattach"),
            StructureUais = a.All("ENTPersonStructRattachRNE"),
            Functions = a.All("ENTPersonFonctions"),
            DeletionDate = a.One("ENTPersonDateSuppression"),
            BirthDate = a.One("ENTPersonDateNaissance"),
            Title = a.One("title"),
            StudentClasses = a.All("ENTEleveClasses"),
            StudentGroups = a.All("ENTEleveGroupes"),
            // The link to a parent may sit in either attribute, or both: the union, each parent once.
            StudentParents =
            [
                .. a.All("ENTEleveParents")
                    .Concat(a.All("ENTEleveAutoriteParentale"))
                    .Distinct(StringComparer.OrdinalIgnoreCase),
            ],
            ParentChildren = a.All("ENTAuxPersRelEleveEleve"),
            TeacherClassSubjects = a.All("ENTAuxEnsClassesMatieres"),
            TeacherGroupSubjects = a.All("ENTAuxEnsGroupesMatieres"),
            TeacherPrincipalClasses = a.All("ENTAuxEnsClassesPrincipal"),
        };
    }

    private static Values Read(SearchResultEntry entry)
    {
        var byName = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (DirectoryAttribute attribute in entry.Attributes.Values)
            byName[attribute.Name] = (string[])attribute.GetValues(typeof(string));
        return new(byName);
    }

    private readonly record struct Values(Dictionary<string, string[]> ByName)
    {
        public string? One(string name) =>
            ByName.TryGetValue(name, out var values) && values.Length > 0 && values[0] is { Length: > 0 } v ? v : null;

        public IReadOnlyList<string> All(string name) => ByName.TryGetValue(name, out var values) ? values : [];
    }
}
