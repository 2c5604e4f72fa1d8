using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Privacy;

/// <summary>What was opened about a student (RGPD: minors' data; families may read who looked).</summary>
public enum PersonalDataKind
{
    Marks = 1,
    SkillsBooklet = 2,
    Submissions = 3,

    /// <summary>The student's record (fiche élève: identity, class, responsables).</summary>
    StudentRecord = 4,
    Absences = 5,
}

/// <summary>
/// One reading of a student's data by someone else, kept for the configured period (CNIL: 6 to 12 months) and shown
/// to the student, their parents and the direction ("Mes données"). The reader's name and function are copied: the
/// entry stays readable when that account is deleted.
/// </summary>
public sealed class DataAccessEntry
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public int? SchoolId { get; set; }
    public PersonalDataKind Kind { get; set; }

    /// <summary>Null once that account is deleted; <see cref="ReaderName"/> stays.</summary>
    public int? ReaderId { get; set; }
    public required string ReaderName { get; set; }

    /// <summary>"Professeur", "CPE", "Direction"… as it was when they read.</summary>
    public required string ReaderFunction { get; set; }
    public DateTime At { get; set; }
}

internal sealed class DataAccessEntryConfiguration : IEntityTypeConfiguration<DataAccessEntry>
{
    public void Configure(EntityTypeBuilder<DataAccessEntry> b)
    {
        b.ToTable("DataAccessLog");
        b.Property(e => e.ReaderName).HasMaxLength(200);
        b.Property(e => e.ReaderFunction).HasMaxLength(120);
        b.HasIndex(e => new { e.StudentId, e.At });
        b.HasIndex(e => new { e.SchoolId, e.At });
        b.HasIndex(e => e.At); // the retention job deletes by age
        b.HasOne<People.Person>().WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(e => e.ReaderId).OnDelete(DeleteBehavior.SetNull);
    }
}
