using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Directory;

/// <summary>
/// One completed real sync, kept for the admins' page: its summary line, and its whole report as JSON (a report is
/// read whole and never queried inside, so one text column serves both databases).
/// </summary>
public sealed class DirectorySyncRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public required string Summary { get; set; }
    public required string Report { get; set; }

    public static DirectorySyncRun From(DirectorySyncReport report) =>
        new()
        {
            StartedAt = report.StartedAt,
            FinishedAt = report.FinishedAt,
            Summary = report.Summary,
            Report = JsonSerializer.Serialize(report),
        };

    public DirectorySyncReport Read()
    {
        var report = JsonSerializer.Deserialize<DirectorySyncReport>(Report)!;
        report.Id = Id;
        return report;
    }
}

internal sealed class DirectorySyncRunConfiguration : IEntityTypeConfiguration<DirectorySyncRun>
{
    public void Configure(EntityTypeBuilder<DirectorySyncRun> b)
    {
        b.ToTable("DirectorySyncRuns");
        b.Property(r => r.Summary).HasMaxLength(400);
        b.HasIndex(r => r.StartedAt);
    }
}
