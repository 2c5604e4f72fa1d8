using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Statistics;

/// <summary>
/// The deployment table as it stood at the start of a school year, kept so that the next year can be compared.
/// </summary>
public sealed class DeploymentSnapshot
{
    public int Id { get; set; }

    /// <summary>The calendar year the school year starts in: 2026 for 2026-2027.</summary>
    public int SchoolYear { get; set; }
    public DateTime TakenAt { get; set; }

    /// <summary>The figures, as JSON: they are read whole and never queried field by field.</summary>
    public required string Figures { get; set; }
}

internal sealed class DeploymentSnapshotConfiguration : IEntityTypeConfiguration<DeploymentSnapshot>
{
    public void Configure(EntityTypeBuilder<DeploymentSnapshot> b) => b.HasIndex(s => s.SchoolYear).IsUnique();
}
