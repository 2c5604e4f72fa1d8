using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Ignore(p => p.DisplayName);
        b.Ignore(p => p.IsDirectoryAccount);
        b.Ignore(p => p.IsDisabled);
        b.Property(p => p.DirectoryKey).HasMaxLength(64);
        b.HasIndex(p => p.DirectoryKey).IsUnique();
        b.HasIndex(p => p.DeletionDueAt);
        b.HasIndex(p => new { p.LastName, p.FirstName });
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasKey(m => new { m.PersonId, m.SchoolId });
        b.HasIndex(m => m.SchoolId);
        b.Property(m => m.Function).HasMaxLength(120);
        b.HasOne(m => m.Person).WithMany(p => p.Memberships).HasForeignKey(m => m.PersonId);
        b.HasOne(m => m.School).WithMany().HasForeignKey(m => m.SchoolId);
    }
}

internal sealed class GuardianshipConfiguration : IEntityTypeConfiguration<Guardianship>
{
    public void Configure(EntityTypeBuilder<Guardianship> b)
    {
        b.HasKey(g => new { g.ParentId, g.StudentId });
        b.HasIndex(g => g.StudentId);
        b.HasOne(g => g.Parent).WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(g => g.Student).WithMany().HasForeignKey(g => g.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
