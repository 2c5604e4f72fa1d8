using Bunit;

namespace Enoe.Tests.Support;

public static class ConfirmDialogInterop
{
    /// <summary>
    /// The page's confirmation box (Common/ConfirmDialog) opens and closes at once in bUnit; the test answers through
    /// its buttons.
    /// </summary>
    public static void SetupConfirmDialog(this BunitJSInterop interop)
    {
        var dialog = interop.SetupModule("./js/dialog.js");
        dialog.SetupVoid("open", _ => true).SetVoidResult();
        dialog.SetupVoid("close", _ => true).SetVoidResult();
    }
}
