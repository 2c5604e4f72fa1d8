namespace Enoe.Data.Documents;

public enum SpaceKind
{
    Personal,
    Class,
    Group,
}

/// <summary>
/// A space as this person sees it: <see cref="CanManage"/> is its owner or a teacher of its class or group.
/// </summary>
public sealed record SpaceView(
    int Id,
    SpaceKind Kind,
    string Name,
    bool CanWrite,
    bool CanManage,
    bool StudentsMayWrite,
    int? SchoolClassId,
    int? TeachingGroupId
);

public sealed record FolderView(int Id, string Name);

public sealed record DocumentView(
    int Id,
    int FileId,
    string Name,
    long Length,
    string AddedBy,
    DateTime AddedAt,
    bool CanChange,
    int Shares
);

/// <param name="AllFolders">Every folder of the space by its full path ("Séquence 2 / Cartes"), for moving
/// documents.</param>
public sealed record SpaceListing(
    SpaceView Space,
    int? FolderId,
    IReadOnlyList<FolderView> Path,
    IReadOnlyList<FolderView> Folders,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<FolderView> AllFolders
);

public sealed record SharedDocumentView(
    int Id,
    int FileId,
    string Name,
    long Length,
    string SharedBy,
    DateTime SharedAt
);

/// <summary>Share with exactly one of a person, a class or a teaching group.</summary>
public sealed record ShareTarget(int? PersonId = null, int? SchoolClassId = null, int? TeachingGroupId = null);
