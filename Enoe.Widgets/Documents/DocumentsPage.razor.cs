using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.People;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Enoe.Widgets.Documents;

/// <summary>The page's state and actions; the sharing panel (SharePanel.razor) keeps its own.</summary>
public partial class DocumentsPage
{
    [SupplyParameterFromQuery(Name = "espace")]
    public int? Space { get; set; }

    [SupplyParameterFromQuery(Name = "dossier")]
    public int? Folder { get; set; }

    [SupplyParameterFromQuery(Name = "vue")]
    public string? View { get; set; }

    /// <summary>From the réseau d'établissement widget: open the space of this class or group.</summary>
    [SupplyParameterFromQuery(Name = "classe")]
    public int? ClassId { get; set; }

    [SupplyParameterFromQuery(Name = "groupe")]
    public int? GroupId { get; set; }

    private CurrentUser _user = default!;
    private readonly OneAtATime _writing = new();
    private IReadOnlyList<SpaceView> _spaces = [];
    private SpaceListing? _listing;
    private IReadOnlyList<SharedDocumentView> _shared = [];
    private (long Used, long Quota) _usage;
    private string? _message;
    private string _newFolder = "",
        _newName = "";
    private int? _renaming,
        _sharing,
        _renamingFolder;
    private ConfirmDialog _confirm = default!;

    /// <summary>The document just put in the bin, offered back ("Annuler") until the next page.</summary>
    private DocumentView? _trashed;
    private ElementReference _undoButton;
    private bool _focusUndo;

    private bool Shared => View == "partages";
    private bool Trash => View == "corbeille";

    protected override async Task OnInitializedAsync()
    {
        _user = (await Session.GetUserAsync())!;
        _spaces = await Documents.SpacesAsync(_user);
    }

    protected override async Task OnParametersSetAsync()
    {
        (_renaming, _sharing, _message, _trashed) = (null, null, null, null);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _usage = await Files.UsageAsync(_user.PersonId);
        if (Shared)
        {
            _shared = await Documents.SharedWithMeAsync(_user);
            return;
        }
        var space =
            Space
            ?? _spaces
                .FirstOrDefault(s =>
                    (ClassId != null && s.SchoolClassId == ClassId) || (GroupId != null && s.TeachingGroupId == GroupId)
                )
                ?.Id
            ?? _spaces.FirstOrDefault()?.Id
            ?? 0;
        var result = await Documents.BrowseAsync(_user, space, Folder, Trash);
        _listing = result.Value;
        if (!result.Succeeded)
            _message = result.Errors[0];
    }

    private async Task Apply(Result result)
    {
        _message = result.Succeeded ? null : string.Join(" ", result.Errors);
        await ReloadAsync();
    }

    private async Task UploadAsync(UploadBatch upload)
    {
        upload.Result = await Documents.UploadAsync(_user, _listing!.Space.Id, Folder, upload.Files);
        if (upload.Result.Succeeded)
            await ReloadAsync();
    }

    private async Task CreateFolderAsync()
    {
        using var turn = _writing.TryBegin();
        if (!turn.Started)
            return; // a burst of clicks: one run
        var result = await Documents.CreateFolderAsync(_user, _listing!.Space.Id, Folder, _newFolder);
        if (result.Succeeded)
            _newFolder = "";
        await Apply(result);
    }

    private async Task DeleteFolderAsync(FolderView folder)
    {
        if (await _confirm.AskAsync(DocumentsText.FormatConfirmDeleteFolder(folder.Name), DocumentsText.Delete))
            await Apply(await Documents.DeleteFolderAsync(_user, folder.Id));
    }

    private async Task RenameFolderAsync(int id)
    {
        var result = await Documents.RenameFolderAsync(_user, id, _newName);
        if (result.Succeeded)
            _renamingFolder = null;
        await Apply(result);
    }

    private async Task MoveAsync(int documentId, string? target)
    {
        if (string.IsNullOrEmpty(target))
            return;
        int? folder =
            target == "racine" ? null
            : int.TryParse(target, out var id) ? id
            : -1;
        await Apply(await Documents.MoveAsync(_user, documentId, folder));
    }

    /// <summary>
    /// To the bin at once, with an undo that takes the keyboard; restoring from the bin needs no question.
    /// </summary>
    private async Task SetDeletedAsync(DocumentView doc, bool deleted)
    {
        var result = await Documents.SetDeletedAsync(_user, doc.Id, deleted);
        (_trashed, _focusUndo) = result.Succeeded && deleted ? (doc, true) : (null, false);
        await Apply(result);
    }

    private async Task UndoTrashAsync()
    {
        if (_trashed is not { } doc)
            return;
        _trashed = null;
        await Apply(await Documents.SetDeletedAsync(_user, doc.Id, false));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusUndo || _trashed is null)
            return;
        _focusUndo = false;
        await _undoButton.FocusAsync();
    }

    /// <summary>Deleting for good cannot be undone: asked first.</summary>
    private async Task PurgeAsync(DocumentView doc)
    {
        if (await _confirm.AskAsync(DocumentsText.FormatConfirmDeleteForGood(doc.Name), DocumentsText.DeleteForGood))
            await Apply(await Documents.PurgeAsync(_user, _listing!.Space.Id, doc.Id));
    }

    private async Task EmptyTrashAsync()
    {
        var question = DocumentsText.FormatConfirmEmptyTrash(_listing!.Documents.Count);
        if (await _confirm.AskAsync(question, DocumentsText.EmptyTrash))
            await Apply(await Documents.PurgeAsync(_user, _listing!.Space.Id));
    }

    private async Task SetStudentsMayWriteAsync(bool allowed) =>
        await Apply(await Documents.SetStudentsMayWriteAsync(_user, _listing!.Space.Id, allowed));

    /// <summary>The folders a document can move to: all of the space's but the one shown.</summary>
    private static IEnumerable<FolderView> MoveTargets(SpaceListing listing) =>
        listing.AllFolders.Where(f => f.Id != listing.FolderId);

    private void StartRename(DocumentView doc) => (_renaming, _newName) = (doc.Id, doc.Name);

    private void StartRenameFolder(FolderView folder) => (_renamingFolder, _newName) = (folder.Id, folder.Name);

    private async Task RenameKeyAsync(KeyboardEventArgs e, int id)
    {
        if (e.Key == "Enter")
            await RenameAsync(id);
        if (e.Key == "Escape")
            _renaming = null;
    }

    private async Task RenameAsync(int id)
    {
        var result = await Documents.RenameAsync(_user, id, _newName);
        if (result.Succeeded)
            _renaming = null;
        await Apply(result);
    }

    /// <summary>One sharing panel per page, for the document chosen; it loads its own shares.</summary>
    private void OpenSharing(int id) => _sharing = id;
}
