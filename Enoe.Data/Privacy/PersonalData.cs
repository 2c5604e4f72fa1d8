using Enoe.Data.Storage;

namespace Enoe.Data.Privacy;

/// <summary>
/// One service's part of "everything ENOE holds about me": plain queries, no rights (the export checked who asks).
/// Each service has one implementation in <c>Privacy/Sources</c>, found at start-up: adding a service adds a file.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The JSON file's name in the zip (<c>grades</c> → <c>grades.json</c>) and its files' folder.</summary>
    string Name { get; }

    Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct);
}

/// <summary>Rows to write as JSON, and the person's files to copy next to them.</summary>
public sealed record PersonalDataPart(object Data, IReadOnlyList<StoredFile> Files)
{
    public static PersonalDataPart Of(object data) => new(data, []);
}
