using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.DigitalResources;

/// <summary>
/// An external digital resource (MathenPoche, KNE, Site TV...) offered by the académie to everyone,
/// or by one établissement to its own people (<see cref="SchoolId"/> set).
/// </summary>
public sealed class DigitalResource
{
    public const int TitleMax = 120,
        UrlMax = 500,
        DescriptionMax = 500,
        CategoryMax = 60,
        LevelCodesMax = 60;

    /// <summary>
    /// Who a resource is offered to; administrators see every resource of what they administer anyway.
    /// </summary>
    public const Profile Audiences = Profile.Student | Profile.Parent | Profile.Teacher | Profile.Staff;

    public int Id { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    public string Category { get; set; } = "Ressources";

    /// <summary>Who it is for.</summary>
    public Profile Profiles { get; set; } = Profile.Everyone;

    /// <summary>Level codes it is for ("6e,5e"), or null for every level.</summary>
    public string? LevelCodes { get; set; }
}

/// <summary>A person's favourite resource, shown first.</summary>
public sealed class ResourceFavourite
{
    public int PersonId { get; set; }
    public int ResourceId { get; set; }
    public DigitalResource? Resource { get; set; }
}
