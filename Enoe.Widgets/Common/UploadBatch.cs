using Enoe.Data.Common;
using Enoe.Data.Storage;

namespace Enoe.Widgets.Common;

/// <summary>
/// What an <c>UploadBox</c> hands its parent: the files, and a place for the service's verdict
/// (an EventCallback returns nothing, and it is the EventCallback that re-renders the parent).
/// A batch of any upload (documents, mémos, logbook, devoirs), not an assignment's Submission.
/// </summary>
public sealed class UploadBatch(IReadOnlyList<FileUpload> files)
{
    public IReadOnlyList<FileUpload> Files { get; } = files;
    public Result Result { get; set; } = Result.Ok();
}
