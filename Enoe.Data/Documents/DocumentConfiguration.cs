using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Documents;

internal sealed class DocumentSpaceConfiguration : IEntityTypeConfiguration<DocumentSpace>
{
    public void Configure(EntityTypeBuilder<DocumentSpace> b)
    {
        // One space per person per school, per class, per group: created on first use, never twice.
        b.HasIndex(s => new { s.SchoolId, s.OwnerId }).IsUnique().HasFilter("\"OwnerId\" IS NOT NULL");
        b.HasIndex(s => s.SchoolClassId).IsUnique().HasFilter("\"SchoolClassId\" IS NOT NULL");
        b.HasIndex(s => s.TeachingGroupId).IsUnique().HasFilter("\"TeachingGroupId\" IS NOT NULL");
        b.HasOne<People.Person>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_DocumentSpace_OneOwner",
                "(\"OwnerId\" IS NOT NULL) + (\"SchoolClassId\" IS NOT NULL) + (\"TeachingGroupId\" IS NOT NULL) = 1"
            )
        );
    }
}

internal sealed class FolderConfiguration : IEntityTypeConfiguration<Folder>
{
    public void Configure(EntityTypeBuilder<Folder> b)
    {
        b.Property(f => f.Name).HasMaxLength(DocumentService.FolderNameMax);
        // One name per place, even when two people create it at once (NULLs repeat in unique indexes: the root
        // level has its own).
        b.HasIndex(f => new
            {
                f.SpaceId,
                f.ParentId,
                f.Name,
            })
            .IsUnique()
            .HasFilter("\"ParentId\" IS NOT NULL");
        b.HasIndex(f => new { f.SpaceId, f.Name })
            .IsUnique()
            .HasFilter("\"ParentId\" IS NULL")
            .HasDatabaseName("IX_Folder_SpaceId_Name_AtRoot");
        b.HasOne<DocumentSpace>().WithMany().HasForeignKey(f => f.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Folder>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.HasIndex(d => new { d.SpaceId, d.FolderId });
        b.HasOne(d => d.Space).WithMany().HasForeignKey(d => d.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Folder>().WithMany().HasForeignKey(d => d.FolderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.AddedBy).WithMany().HasForeignKey(d => d.AddedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Shares)
            .WithOne(s => s.Document)
            .HasForeignKey(s => s.DocumentId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentShareConfiguration : IEntityTypeConfiguration<DocumentShare>
{
    public void Configure(EntityTypeBuilder<DocumentShare> b)
    {
        b.HasIndex(s => s.PersonId);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_DocumentShare_OneTarget",
                "(\"PersonId\" IS NOT NULL) + (\"SchoolClassId\" IS NOT NULL) + (\"TeachingGroupId\" IS NOT NULL) = 1"
            )
        );
    }
}
