using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Statistics;

/// <summary>
/// One figure of one établissement for one day (people who signed in as students, mémos sent...): counts only, no
/// names, so the académie's console reads a year of 200 établissements without touching what people wrote.
/// </summary>
public sealed class UsageCount
{
    public int SchoolId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>What is counted, a stable key such as <c>signin.student</c> or <c>memos.sent</c>.</summary>
    public required string Metric { get; set; }
    public int Count { get; set; }
}

internal sealed class UsageCountConfiguration : IEntityTypeConfiguration<UsageCount>
{
    public const int MetricMax = 40;

    public void Configure(EntityTypeBuilder<UsageCount> b)
    {
        b.HasKey(c => new
        {
            c.SchoolId,
            c.Day,
            c.Metric,
        });
        b.Property(c => c.Metric).HasMaxLength(MetricMax);
        // The académie's totals over a period, read from the index alone: with (Day, Metric) only, SQLite fetched every
        // row from the table and took seconds for a year of 200 établissements (bench/Enoe.Bench.Usage).
        b.HasIndex(c => new
        {
            c.Day,
            c.Metric,
            c.SchoolId,
            c.Count,
        });
        // Each établissement's totals over a period, read in this index's order: UsageStatistics names the schools and
        // metrics so SQLite seeks the period of each pair instead of sorting every row (it has no hash aggregation).
        b.HasIndex(c => new
        {
            c.SchoolId,
            c.Metric,
            c.Day,
            c.Count,
        });
        b.HasOne<Schools.School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
