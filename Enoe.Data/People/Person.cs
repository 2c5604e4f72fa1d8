using Microsoft.AspNetCore.Identity;

namespace Enoe.Data.People;

/// <summary>
/// One person, one account, whatever the sign-in source. Profiles come from <see cref="Membership"/>.
/// </summary>
public sealed class Person : IdentityUser<int>
{
    public required string FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>Set on accounts an administrator created: the first sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Académie-wide administrator (rectorat); not tied to one établissement.</summary>
    public bool IsAcademyAdmin { get; set; }

    /// <summary>The établissement the person last worked in; chosen again at next sign-in.</summary>
    public int? CurrentSchoolId { get; set; }

    /// <summary>For a parent: the child whose pages they last chose to look at (checked again at every use).</summary>
    public int? ViewedChildId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}";
}
