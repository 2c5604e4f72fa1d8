using Enoe.Data.Schools;

namespace Enoe.Data.People;

/// <summary>A person's profiles in one établissement: a teacher in two schools has two memberships.</summary>
public sealed class Membership
{
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public Profile Profiles { get; set; }

    /// <summary>For staff: "Principal", "Conseillère principale d'éducation", "Professeur documentaliste"...</summary>
    public string? Function { get; set; }

    /// <summary>What the person does here as staff, which decides their rights (<see cref="StaffFunction"/>).</summary>
    public StaffFunction Functions { get; set; }

    /// <summary>
    /// The last day (Paris time) the person signed in to this établissement: counts each person once a day.
    /// </summary>
    public DateOnly? LastSignInOn { get; set; }
}

/// <summary>A responsable légal and the student they answer for.</summary>
public sealed class Guardianship
{
    public int ParentId { get; set; }
    public Person? Parent { get; set; }
    public int StudentId { get; set; }
    public Person? Student { get; set; }
}
