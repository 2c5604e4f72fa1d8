using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Widgets.Abstractions;

/// <summary>
/// A link in the shell's navigation, registered by the service that owns the page. It shows to a
/// person only when one of their profiles is in <see cref="Profiles"/> and their établissement runs
/// <see cref="Service"/> (null: not tied to a service, such as administration). <see cref="Badge"/>:
/// an optional small live component (the unread mémos count), shown in the app bar as a link to the page.
/// <see cref="Right"/>: a page that needs a right of <see cref="FunctionRights"/> shows to its holders only (their
/// function or admin profile), whatever their profile among <see cref="Profiles"/>.
/// </summary>
public sealed record NavigationEntry(
    Func<string> Title,
    string Href,
    string Icon,
    EntService? Service,
    Profile Profiles,
    int Order,
    Type? Badge = null,
    Right? Right = null
)
{
    public bool IsFor(Workspace workspace) =>
        workspace.Profiles.HasAny(Profiles)
        && (Service is not { } service || workspace.Runs(service))
        && (Right is not { } right || workspace.Holds(right));
}

public static class NavigationServiceCollectionExtensions
{
    public static IServiceCollection AddNavigationEntry(this IServiceCollection services, NavigationEntry entry) =>
        services.AddSingleton(entry);
}

/// <summary>All registered entries, in order; the shell asks which ones a person sees.</summary>
public sealed class NavigationCatalog(IEnumerable<NavigationEntry> entries)
{
    private readonly NavigationEntry[] _entries = [.. entries.OrderBy(e => e.Order)];

    public IReadOnlyList<NavigationEntry> For(Workspace workspace) => [.. _entries.Where(e => e.IsFor(workspace))];
}
