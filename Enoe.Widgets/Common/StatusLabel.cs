using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Common;

/// <summary>A state shown as words and colour (never colour alone), as plain markup: no component per row.</summary>
public static class StatusLabel
{
    /// <param name="tone">todo, ok, done, late or missing (see .enoe-status-* in enoe.css).</param>
    public static RenderFragment Render(string text, string tone) =>
        builder =>
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", $"enoe-status enoe-status-{tone}");
            builder.AddContent(2, text);
            builder.CloseElement();
        };
}
