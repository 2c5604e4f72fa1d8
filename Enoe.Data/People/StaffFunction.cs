namespace Enoe.Data.People;

/// <summary>
/// What a member of staff does in an établissement, which decides what they may see and decide there (the table in
/// <c>FunctionRights</c> and the README). A profile says who someone is (staff, teacher); the function says which
/// staff: the CDI librarian is staff, not the direction. Read from the directory's <c>ENTPersonFonctions</c> codes
/// and national profiles, or set by the établissement's admins for local accounts.
/// </summary>
[Flags]
public enum StaffFunction
{
    None = 0,

    /// <summary>Chef d'établissement and adjoints: see and decide for the whole établissement.</summary>
    Direction = 1 << 0,

    /// <summary>
    /// Vie scolaire: the CPE and the assistants d'éducation (absences, published marks of every student).
    /// </summary>
    Cpe = 1 << 1,

    /// <summary>Professeur documentaliste (the CDI).</summary>
    Librarian = 1 << 2,

    /// <summary>Secrétariat and intendance.</summary>
    Office = 1 << 3,

    /// <summary>Agents: maintenance, laboratory, catering, reception.</summary>
    Agent = 1 << 4,
}
