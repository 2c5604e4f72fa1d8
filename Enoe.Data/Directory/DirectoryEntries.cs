namespace Enoe.Data.Directory;

/// <summary>
/// One établissement as the directory holds it (<c>ENTStructure</c>): values are the raw SDET strings of
/// DIRECTORY.md; <see cref="DirectorySync"/> interprets them, so a bad value is reported, never guessed.
/// </summary>
public sealed record DirectoryStructureEntry
{
    public required string Dn { get; init; }

    /// <summary><c>ENTStructureUAI</c>.</summary>
    public string? Uai { get; init; }

    /// <summary><c>ENTStructureNomCourant</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>ENTStructureTypeStruct</c>: <c>COLLEGE</c>, <c>LYCEE GENERAL</c>...</summary>
    public string? Kind { get; init; }

    /// <summary><c>ENTStructureClasses</c>: <c>code$niveau</c>.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary><c>ENTStructureGroupes</c>: <c>code$label</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}

/// <summary>One person as the directory holds it (<c>ENTPerson</c> and its auxiliary class), raw SDET values.</summary>
public sealed record DirectoryPersonEntry
{
    public required string Dn { get; init; }

    /// <summary><c>ENTPersonJointure</c>: the key matched across syncs.</summary>
    public string? Key { get; init; }

    /// <summary><c>ENTPersonLogin</c>: what the person types to sign in.</summary>
    public string? Login { get; init; }
    public string? LastName { get; init; }
    public string? FirstName { get; init; }

    /// <summary><c>ENTPersonNomAffichage</c>, else <c>displayName</c>.</summary>
    public string? DisplayName { get; init; }
    public string? Mail { get; init; }

    /// <summary><c>ENTPersonProfils</c>: <c>National_1</c> to <c>National_7</c>.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary><c>ENTPersonStructRattach</c>: DNs of the établissements the person belongs to.</summary>
    public IReadOnlyList<string> StructureDns { get; init; } = [];

    /// <summary><c>ENTPersonStructRattachRNE</c>: their UAIs.</summary>
    public IReadOnlyList<string> StructureUais { get; init; } = [];

    /// <summary><c>ENTPersonFonctions</c>: <c>structure DN$code$label</c>.</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];

    /// <summary>
    /// <c>ENTPersonDateSuppression</c>: <c>JJ/MM/AAAA</c>, the directory scheduled the account's deletion.
    /// </summary>
    public string? DeletionDate { get; init; }

    /// <summary>
    /// <c>ENTPersonDateNaissance</c>: <c>JJ/MM/AAAA</c> (an adult student justifies their own absences).
    /// </summary>
    public string? BirthDate { get; init; }

    /// <summary><c>title</c> (other staff).</summary>
    public string? Title { get; init; }

    /// <summary><c>ENTEleveClasses</c>: <c>structure DN$class code</c>.</summary>
    public IReadOnlyList<string> StudentClasses { get; init; } = [];

    /// <summary><c>ENTEleveGroupes</c>: <c>structure DN$group code</c>.</summary>
    public IReadOnlyList<string> StudentGroups { get; init; } = [];

    /// <summary><c>ENTEleveParents</c> and <c>ENTEleveAutoriteParentale</c>: DNs of the parents.</summary>
    public IReadOnlyList<string> StudentParents { get; init; } = [];

    /// <summary><c>ENTAuxPersRelEleveEleve</c>: DNs of a parent's children.</summary>
    public IReadOnlyList<string> ParentChildren { get; init; } = [];

    /// <summary><c>ENTAuxEnsClassesMatieres</c>: <c>structure DN$class$subject</c>.</summary>
    public IReadOnlyList<string> TeacherClassSubjects { get; init; } = [];

    /// <summary><c>ENTAuxEnsGroupesMatieres</c>: <c>structure DN$group$subject</c>.</summary>
    public IReadOnlyList<string> TeacherGroupSubjects { get; init; } = [];

    /// <summary>
    /// <c>ENTAuxEnsClassesPrincipal</c>: <c>structure DN$class</c> where they are professeur principal.
    /// </summary>
    public IReadOnlyList<string> TeacherPrincipalClasses { get; init; } = [];
}

/// <summary>Where a sync reads the directory from: the LDAP server, or in tests and benches a generated one.</summary>
public interface IDirectorySource
{
    /// <summary>
    /// Every établissement. Throws <see cref="DirectoryUnavailableException"/> when it cannot be read.
    /// </summary>
    IAsyncEnumerable<DirectoryStructureEntry> ReadStructuresAsync(CancellationToken ct = default);

    /// <summary>
    /// Every person, one page at a time (bounded memory whatever the directory's size). Throws
    /// <see cref="DirectoryUnavailableException"/> when it cannot be read, even after some pages.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<DirectoryPersonEntry>> ReadPeopleAsync(CancellationToken ct = default);
}

/// <summary>Checks a directory account's password by binding as that person; the password is never stored.</summary>
public interface IDirectoryPasswordCheck
{
    /// <summary>
    /// True when <paramref name="login"/> names exactly one person, that person is the account whose key is
    /// <paramref name="directoryKey"/>, and the directory accepts the password (an empty one never). Throws
    /// <see cref="DirectoryUnavailableException"/> when the directory cannot be reached.
    /// </summary>
    Task<bool> CheckAsync(string login, string directoryKey, string password, CancellationToken ct = default);
}

/// <summary>The directory could not be reached or read (down, refused the service account, timed out).</summary>
public sealed class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
