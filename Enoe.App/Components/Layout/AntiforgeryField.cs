using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Enoe.App.Components.Layout;

/// <summary>
/// What <c>&lt;AntiforgeryToken /&gt;</c> renders, as markup: the shell's forms (sign out, switch établissement or
/// child) stay open in every tab, where each <c>AntiforgeryToken</c> would be one more live component.
/// </summary>
internal static class AntiforgeryField
{
    public static RenderFragment Of(AntiforgeryStateProvider antiforgery) =>
        builder =>
        {
            if (antiforgery.GetAntiforgeryToken() is not { } token)
                return;
            builder.OpenElement(0, "input");
            builder.AddAttribute(1, "type", "hidden");
            builder.AddAttribute(2, "name", token.FormFieldName);
            builder.AddAttribute(3, "value", token.Value);
            builder.CloseElement();
        };
}
