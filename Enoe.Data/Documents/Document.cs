using Enoe.Data.Storage;

namespace Enoe.Data.Documents;

/// <summary>
/// Where documents live: a person's own space ("Mes documents"), or the space of a class or a
/// teaching group (its teachers write, its students read — or write too, when a teacher allows it).
/// </summary>
public sealed class DocumentSpace
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int? OwnerId { get; set; }
    public int? SchoolClassId { get; set; }
    public Structure.SchoolClass? SchoolClass { get; set; }
    public int? TeachingGroupId { get; set; }
    public Structure.TeachingGroup? TeachingGroup { get; set; }
    public bool StudentsMayWrite { get; set; }
}

public sealed class Folder
{
    public int Id { get; set; }
    public int SpaceId { get; set; }
    public int? ParentId { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A stored file placed in a space; its name is the file's. In the trash while <see cref="DeletedAt"/> is set.
/// </summary>
public sealed class Document
{
    public int Id { get; set; }
    public int SpaceId { get; set; }
    public DocumentSpace? Space { get; set; }
    public int? FolderId { get; set; }
    public int FileId { get; set; }
    public StoredFile? File { get; set; }
    public int AddedById { get; set; }
    public People.Person? AddedBy { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public List<DocumentShare> Shares { get; set; } = [];
}

/// <summary>A document shared read-only with one person, or with everyone in a teaching group or class.</summary>
public sealed class DocumentShare
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public int? PersonId { get; set; }
    public People.Person? Person { get; set; }
    public int? SchoolClassId { get; set; }
    public Structure.SchoolClass? SchoolClass { get; set; }
    public int? TeachingGroupId { get; set; }
    public Structure.TeachingGroup? TeachingGroup { get; set; }
    public DateTime SharedAt { get; set; }
}
