using Microsoft.AspNetCore.Identity;

namespace Enoe.Data.People;

/// <summary>
/// One person, one account, whatever the sign-in source. Profiles come from <see cref="Membership"/>.
/// </summary>
public sealed class Person : IdentityUser<int>
{
    public required string FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>For a student: an adult (18) justifies their own absences. Null when unknown.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Set on accounts an administrator created: the first sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Académie-wide administrator (rectorat); not tied to one établissement.</summary>
    public bool IsAcademyAdmin { get; set; }

    /// <summary>The établissement the person last worked in; chosen again at next sign-in.</summary>
    public int? CurrentSchoolId { get; set; }

    /// <summary>For a parent: the child whose pages they last chose to look at (checked again at every use).</summary>
    public int? ViewedChildId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The académie directory's stable key for this person (<c>ENTPersonJointure</c>); null for a local account, which
    /// no directory sync ever touches. Directory accounts have no password here: they sign in against the directory.
    /// </summary>
    public string? DirectoryKey { get; set; }

    /// <summary>When the account was switched off (left the directory, or scheduled for deletion there).</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>When the account and its data are to be deleted: the law gives three months after leaving.</summary>
    public DateTime? DeletionDueAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}";

    public bool IsDirectoryAccount => DirectoryKey is not null;

    public bool IsDisabled => DisabledAt is not null;
}
