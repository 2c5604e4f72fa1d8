namespace Enoe.Data.Storage;

/// <summary>
/// An uploaded file's metadata. The bytes live on disk under <see cref="BlobId"/>, never under a
/// user's file name; <see cref="Name"/> is only what downloads are called.
/// </summary>
public sealed class StoredFile
{
    public int Id { get; set; }
    public Guid BlobId { get; set; }
    public int SchoolId { get; set; }

    /// <summary>Who uploaded it: the quota counts against them.</summary>
    public int OwnerId { get; set; }
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A file as lists show it: its download id, name and size.</summary>
public sealed record FileView(int Id, string Name, long Length);
