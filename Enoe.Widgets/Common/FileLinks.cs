using Enoe.Data.Storage;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Common;

/// <summary>Download links for files (served by <c>/fichiers/{id}</c>, which checks rights), as plain markup.</summary>
public static class FileLinks
{
    public static RenderFragment Render(IReadOnlyList<FileView> files) =>
        builder =>
        {
            if (files.Count == 0)
                return;
            builder.OpenElement(0, "ul");
            builder.AddAttribute(1, "class", "enoe-files");
            foreach (var f in files)
            {
                builder.OpenElement(2, "li");
                builder.OpenElement(3, "a");
                builder.AddAttribute(4, "href", $"/fichiers/{f.Id}");
                builder.AddAttribute(5, "download", true);
                builder.AddContent(6, f.Name);
                builder.CloseElement();
                builder.OpenElement(7, "span");
                builder.AddAttribute(8, "class", "enoe-muted");
                builder.AddContent(9, $" ({Sizes.Format(f.Length)})");
                builder.CloseElement();
                builder.CloseElement();
            }
            builder.CloseElement();
        };
}
