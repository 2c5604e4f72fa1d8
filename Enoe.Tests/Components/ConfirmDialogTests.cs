using Bunit;
using Enoe.Widgets.Common;

namespace Enoe.Tests.Components;

public sealed class ConfirmDialogTests : BunitContext
{
    private readonly BunitJSModuleInterop _dialogScript;

    public ConfirmDialogTests()
    {
        _dialogScript = JSInterop.SetupModule("./js/dialog.js");
        _dialogScript.SetupVoid("open", _ => true);
        _dialogScript.SetupVoid("close", _ => true);
    }

    [Fact]
    public async Task Ask_OpensTheModal_AndConfirmAnswersYes()
    {
        var dialog = Render<ConfirmDialog>();
        var answer = dialog.InvokeAsync(() => dialog.Instance.AskAsync("Supprimer la séance du 3 décembre ?"));

        Assert.Contains("Supprimer la séance du 3 décembre ?", dialog.Find("dialog").TextContent);
        _dialogScript.VerifyInvoke("open");
        dialog.Find("button.enoe-tool-danger").Click();

        Assert.True(await answer);
        _dialogScript.VerifyInvoke("close");
    }

    [Fact]
    public async Task Cancel_AnswersNo()
    {
        var dialog = Render<ConfirmDialog>();
        var answer = dialog.InvokeAsync(() => dialog.Instance.AskAsync("Supprimer ?"));
        dialog.FindAll("button")[1].Click();
        Assert.False(await answer);
    }

    [Fact]
    public async Task Escape_ClosesTheDialog_AndAnswersNo()
    {
        var dialog = Render<ConfirmDialog>();
        var answer = dialog.InvokeAsync(() => dialog.Instance.AskAsync("Supprimer ?"));
        dialog.Find("dialog").TriggerEvent("onclose", EventArgs.Empty); // the browser's close event after Escape
        Assert.False(await answer);
        Assert.Empty(dialog.FindAll("dialog p"));
    }
}
