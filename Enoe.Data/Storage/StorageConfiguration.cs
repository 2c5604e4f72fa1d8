using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Storage;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.Name).HasMaxLength(FileNames.MaxLength);
        b.Property(f => f.ContentType).HasMaxLength(120);
        b.HasIndex(f => f.BlobId).IsUnique();
        b.HasIndex(f => f.OwnerId); // the quota sums by owner
        b.HasOne<People.Person>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
