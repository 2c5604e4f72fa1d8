using Enoe.Data.Common;

namespace Enoe.Data.Storage;

/// <summary>
/// Staging an upload: written to the blob store under a new id while it is checked, deleted again unless its row is
/// committed.
/// </summary>
public sealed partial class FileStore
{
    private async Task<Result<StagedFile>> StageAsync(FileUpload upload, CancellationToken ct)
    {
        var staged = new StagedFile(Guid.NewGuid(), upload.Name);
        var check = new UploadCheck(upload.Content, _options.MaxFileBytes);
        try
        {
            await blobs.WriteAsync(BlobKey(staged.BlobId), check, ct);
        }
        catch (UploadCheck.TooLargeException)
        {
            return Result.Invalid([TooLarge(upload.Name)]); // the store kept nothing of it
        }
        staged.Length = check.Received;
        string? refusal = null;
        if (staged.Length == 0)
            refusal = StorageMessages.FormatEmpty(upload.Name);
        else if (FileTypes.Recognise(upload.Name, check.Header) is { } contentType)
            staged.ContentType = contentType;
        else
            refusal = StorageMessages.FormatContentMismatch(
                upload.Name,
                Path.GetExtension(upload.Name).TrimStart('.').ToUpperInvariant()
            );
        if (refusal is null)
            return Result<StagedFile>.Ok(staged);
        await DeleteBlobAsync(staged.BlobId);
        return Result.Invalid([refusal]);
    }

    /// <summary>A checked upload in the blob store, whose row is not written yet.</summary>
    private sealed class StagedFile(Guid blobId, string name)
    {
        public Guid BlobId { get; } = blobId;
        public string Name { get; } = name;
        public string ContentType { get; set; } = "";
        public long Length { get; set; }
    }
}
