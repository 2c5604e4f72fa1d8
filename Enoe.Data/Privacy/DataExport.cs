using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Privacy;

public enum DataExportStatus
{
    Queued = 0,
    Running = 1,
    Ready = 2,
    Failed = 3,

    /// <summary>Its week is over: the zip is deleted, the row stays as history.</summary>
    Expired = 4,
}

/// <summary>
/// "Everything ENOE holds about me" as a zip (JSON plus the person's files), asked by the person or by a parent for a
/// child under 15, built in the background and kept a week.
/// </summary>
public sealed class DataExport
{
    public int Id { get; set; }

    /// <summary>Whose data.</summary>
    public int SubjectId { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public DataExportStatus Status { get; set; }

    /// <summary>0 to 100, for the progress bar.</summary>
    public int Progress { get; set; }

    /// <summary>The zip's path under the file store's exports folder; null until ready.</summary>
    public string? FileKey { get; set; }
    public long? SizeBytes { get; set; }
    public DateTime? ReadyAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

internal sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> b)
    {
        b.ToTable("DataExports");
        b.Property(e => e.FileKey).HasMaxLength(200);
        b.HasIndex(e => new { e.SubjectId, e.RequestedAt });
        b.HasIndex(e => new { e.Status, e.ExpiresAt });
        b.HasOne<People.Person>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(e => e.RequestedById).OnDelete(DeleteBehavior.Cascade);
    }
}
