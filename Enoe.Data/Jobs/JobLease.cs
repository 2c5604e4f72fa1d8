using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Jobs;

/// <summary>
/// Who runs a scheduled job now: an instance takes the row (an atomic conditional update) before running, so a job
/// runs once however many instances share the database, and another instance takes over when the holder dies.
/// </summary>
public sealed class JobLease
{
    /// <summary>The job's name ("retention", "directory-sync").</summary>
    public required string Name { get; set; }

    /// <summary>The instance holding it (machine and process).</summary>
    public string? Holder { get; set; }
    public DateTime LeasedUntil { get; set; }

    /// <summary>The last time the job finished, so a restart does not run it twice the same night.</summary>
    public DateTime? LastCompletedAt { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(64);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}
