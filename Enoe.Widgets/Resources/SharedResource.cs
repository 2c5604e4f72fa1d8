using System.Resources;

[assembly: NeutralResourcesLanguage("fr")]

namespace Enoe.Widgets.Resources;

/// <summary>
/// Marker for the shared UI strings: French in SharedResource.resx, English in SharedResource.en.resx.
/// </summary>
public sealed class SharedResource;
