using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.DigitalResources;

internal sealed class DigitalResourceConfiguration : IEntityTypeConfiguration<DigitalResource>
{
    public void Configure(EntityTypeBuilder<DigitalResource> b)
    {
        b.Property(r => r.Title).HasMaxLength(DigitalResource.TitleMax);
        b.Property(r => r.Url).HasMaxLength(DigitalResource.UrlMax);
        b.Property(r => r.Description).HasMaxLength(DigitalResource.DescriptionMax);
        b.Property(r => r.Category).HasMaxLength(DigitalResource.CategoryMax);
        b.Property(r => r.LevelCodes).HasMaxLength(DigitalResource.LevelCodesMax);
        b.HasIndex(r => r.SchoolId);
        b.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceFavouriteConfiguration : IEntityTypeConfiguration<ResourceFavourite>
{
    public void Configure(EntityTypeBuilder<ResourceFavourite> b)
    {
        b.HasKey(f => new { f.PersonId, f.ResourceId });
        b.HasOne(f => f.Resource).WithMany().HasForeignKey(f => f.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
