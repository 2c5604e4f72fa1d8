using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Structure;

/// <summary>
/// A professeur principal: the teacher who follows a class as a whole (its conseils de classe, its families). A
/// lycée class often has two. Set by the directory (<c>ENTAuxEnsClassesPrincipal</c>).
/// </summary>
public sealed class FormTutor
{
    public int SchoolClassId { get; set; }
    public SchoolClass? SchoolClass { get; set; }
    public int TeacherId { get; set; }
    public Person? Teacher { get; set; }
}

internal sealed class FormTutorConfiguration : IEntityTypeConfiguration<FormTutor>
{
    public void Configure(EntityTypeBuilder<FormTutor> b)
    {
        b.ToTable("FormTutors");
        b.HasKey(t => new { t.SchoolClassId, t.TeacherId });
        b.HasIndex(t => t.TeacherId);
        b.HasOne(t => t.SchoolClass).WithMany().HasForeignKey(t => t.SchoolClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Teacher).WithMany().HasForeignKey(t => t.TeacherId).OnDelete(DeleteBehavior.Cascade);
    }
}
