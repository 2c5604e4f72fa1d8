using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Privacy;

/// <summary>
/// One pass of the retention job (or of its dry run, asked by an admin): what it deleted, or would delete, by kind.
/// </summary>
public sealed class RetentionRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public bool DryRun { get; set; }

    /// <summary>Null for the nightly job.</summary>
    public int? RequestedById { get; set; }

    /// <summary>Counts by kind, as JSON (<c>{"accounts":3,"accessLog":1200,…}</c>).</summary>
    public string Counts { get; set; } = "{}";
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.ToTable("RetentionRuns");
        b.Property(r => r.Counts).HasMaxLength(4000);
        b.HasIndex(r => r.StartedAt);
        b.HasOne<People.Person>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.SetNull);
    }
}
