using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.UsefulLinks;

/// <summary>
/// A link an établissement offers its people (the canteen menu, the CDI's catalogue, the ENT's help).
/// </summary>
public sealed class UsefulLink
{
    public const int TitleMax = 120;
    public const int UrlMax = 500;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }

    /// <summary>Who sees it: a person holding any of these profiles in the établissement.</summary>
    public Profile Audience { get; set; } = Profile.Everyone;

    /// <summary>Where it comes in the list, smaller first.</summary>
    public int Position { get; set; }
}

internal sealed class UsefulLinkConfiguration : IEntityTypeConfiguration<UsefulLink>
{
    public void Configure(EntityTypeBuilder<UsefulLink> b)
    {
        b.ToTable("UsefulLinks");
        b.Property(l => l.Title).HasMaxLength(UsefulLink.TitleMax);
        b.Property(l => l.Url).HasMaxLength(UsefulLink.UrlMax);
        b.HasOne<School>().WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.SchoolId, l.Position });
    }
}
