using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Storage;

/// <summary>Staging an upload: checked and copied to the temporary folder until it is moved into place.</summary>
public sealed partial class FileStore
{
    private async Task<Result<StagedFile>> StageAsync(FileUpload upload, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(TempFolder);
        var staged = new StagedFile(Path.Combine(TempFolder, Guid.NewGuid().ToString("N") + ".part"), upload.Name);
        try
        {
            var header = new byte[FileTypes.HeaderLength];
            var headerLength = 0;
            var buffer = new byte[81920];
            await using (
                var target = new FileStream(
                    staged.TempPath,
                    FileMode.CreateNew,
                    FileAccess.Write,
                    FileShare.None,
                    1,
                    FileOptions.Asynchronous
                )
            )
            {
                int read;
                while ((read = await upload.Content.ReadAsync(buffer, ct)) > 0)
                {
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }
                    staged.Length += read;
                    // The declared size is the browser's word: count what really arrives.
                    if (staged.Length > _options.MaxFileBytes)
                    {
                        staged.Dispose();
                        return Result.Invalid([TooLarge(upload.Name)]);
                    }
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await target.FlushAsync(ct);
                target.Flush(flushToDisk: true);
            }
            if (staged.Length == 0)
            {
                staged.Dispose();
                return Result.Invalid([StorageMessages.FormatEmpty(upload.Name)]);
            }
            var contentType = FileTypes.Recognise(upload.Name, header.AsSpan(0, headerLength));
            if (contentType is null)
            {
                staged.Dispose();
                return Result.Invalid([
                    StorageMessages.FormatContentMismatch(
                        upload.Name,
                        Path.GetExtension(upload.Name).TrimStart('.').ToUpperInvariant()
                    ),
                ]);
            }
            staged.ContentType = contentType;
            return Result<StagedFile>.Ok(staged);
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>A checked upload in the temporary folder, deleted unless moved into place.</summary>
    private sealed class StagedFile(string tempPath, string name) : IDisposable
    {
        public string TempPath { get; } = tempPath;
        public string Name { get; } = name;
        public string ContentType { get; set; } = "";
        public long Length { get; set; }
        private bool _moved;

        public void MoveTo(string path)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(TempPath, path);
            _moved = true;
        }

        public void Dispose()
        {
            if (!_moved)
                File.Delete(TempPath);
        }
    }
}
