namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// The SDET attribute types and object classes the test slapd knows, as an OpenLDAP <c>.schema</c> file under a
/// private OID arc (1.3.6.1.4.1.99999: no real directory's OIDs). Every attribute DIRECTORY.md lists, single- or
/// multi-valued as there; all compared ignoring case, as the académies' directories do.
/// </summary>
public static class SdetSchema
{
    private const string Arc = "1.3.6.1.4.1.99999";

    private static readonly (string Name, bool Many)[] Attributes =
    [
        ("ENTStructureUAI", false),
        ("ENTStructureNomCourant", false),
        ("ENTStructureSIREN", false),
        ("ENTStructureJointure", false),
        ("ENTStructureTypeStruct", false),
        ("ENTStructureClasses", true),
        ("ENTStructureGroupes", true),
        ("ENTPersonLogin", false),
        ("ENTPersonJointure", false),
        ("ENTPersonProfils", true),
        ("ENTPersonNom", false),
        ("ENTPersonPrenom", false),
        ("ENTPersonNomAffichage", false),
        ("ENTPersonStructRattach", true),
        ("ENTPersonStructRattachRNE", true),
        ("ENTPersonFonctions", true),
        ("ENTPersonDateSuppression", false),
        ("ENTPersonDateNaissance", false),
        ("ENTEleveClasses", true),
        ("ENTEleveGroupes", true),
        ("ENTEleveNivFormation", false),
        ("ENTEleveMEF", false),
        ("ENTEleveLibelleMEF", false),
        ("ENTEleveMajeur", false),
        ("ENTEleveParents", true),
        ("ENTEleveAutoriteParentale", true),
        ("ENTAuxPersRelEleveEleve", true),
        ("ENTAuxEnsClasses", true),
        ("ENTAuxEnsClassesMatieres", true),
        ("ENTAuxEnsGroupes", true),
        ("ENTAuxEnsGroupesMatieres", true),
        ("ENTAuxEnsMatiereEnseignEtab", true),
        // Spelled otherwise than in DIRECTORY.md, as some schemas do: clients must read names ignoring case.
        ("entAuxEnsClassesPrincipal", true),
    ];

    private static readonly (string Name, string Kind, string[] May)[] Classes =
    [
        ("ENTStructure", "STRUCTURAL", [.. Starting("ENTStructure"), "ou"]),
        ("ENTEtablissement", "AUXILIARY", []),
        ("ENTPerson", "STRUCTURAL", [.. Starting("ENTPerson"), "uid", "cn", "sn", "displayName", "mail", "title"]),
        ("ENTEleve", "AUXILIARY", [.. Starting("ENTEleve")]),
        ("ENTAuxPersRelEleve", "AUXILIARY", [.. Starting("ENTAuxPersRelEleve")]),
        ("ENTAuxEnseignant", "AUXILIARY", [.. Starting("ENTAuxEns")]),
        ("ENTAuxNonEnsEtab", "AUXILIARY", ["title"]),
    ];

    public static string Text =>
        string.Join(
            "\n",
            Attributes.Select(
                (a, i) =>
                    $"attributetype ( {Arc}.1.{i + 1} NAME '{a.Name}' EQUALITY caseIgnoreMatch "
                    + "SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15"
                    + (a.Many ? " )" : " SINGLE-VALUE )")
            )
        )
        + "\n"
        + string.Join(
            "\n",
            Classes.Select(
                (c, i) =>
                    $"objectclass ( {Arc}.2.{i + 1} NAME '{c.Name}' SUP top {c.Kind}"
                    + (c.May.Length == 0 ? " )" : $" MAY ( {string.Join(" $ ", c.May.Append("userPassword"))} ) )")
            )
        )
        + "\n";

    private static IEnumerable<string> Starting(string prefix) =>
        Attributes.Select(a => a.Name).Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
