namespace Enoe.Widgets.Common;

/// <summary>
/// Whether this scope renders pages once, to HTML (an HTTP request: a page prerendered, a static page), rather than
/// for a live circuit. The app's pipeline marks every request's scope (<c>PipelineHosting</c>); a circuit has a scope
/// of its own, left unmarked, and so do component tests. What a static rendering sets up for later (listening for
/// events) it skips, and what it loaded it hands to its circuit (<see cref="PrerenderedValues"/>).
/// </summary>
public sealed class RenderScope
{
    public bool IsStatic { get; private set; }

    public void MarkStatic() => IsStatic = true;
}
