namespace Enoe.Data.Schools;

/// <summary>The académie (rectorat) that runs the ENT for its établissements.</summary>
public sealed class Academy
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<School> Schools { get; set; } = [];
}
