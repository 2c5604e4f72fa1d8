using Enoe.Data.Dashboards;
using Enoe.Data.People;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Widgets.Abstractions;

/// <summary>
/// Every widget the services registered, checked once at start-up (keys are unique), answering which
/// widgets a person may add where they work. The data layer enforces the same rules through
/// <see cref="IWidgetRules"/>.
/// </summary>
public sealed class WidgetCatalog : IWidgetRules
{
    private readonly Dictionary<string, WidgetDescriptor> _byKey = new(StringComparer.Ordinal);
    private readonly List<WidgetDescriptor> _ordered = [];

    public WidgetCatalog(IEnumerable<WidgetDescriptor> descriptors)
    {
        foreach (var descriptor in descriptors)
        {
            if (!_byKey.TryAdd(descriptor.Key, descriptor))
                throw new InvalidOperationException($"Two widgets are registered with the key '{descriptor.Key}'.");
            if (descriptor.SettingsType is not null && descriptor.SettingsValidator is null)
                throw new InvalidOperationException($"Widget '{descriptor.Key}' has settings but no validator.");
            _ordered.Add(descriptor);
        }
    }

    public IReadOnlyList<WidgetDescriptor> Widgets => _ordered;

    public WidgetDescriptor? Get(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>
    /// The widgets this person may add: their profile is allowed and their établissement runs the service.
    /// </summary>
    public IReadOnlyList<WidgetDescriptor> AvailableTo(Workspace workspace) =>
        [
            .. _ordered.Where(d =>
                d.Rule.IsAllowed(workspace.Profiles, workspace.School?.Services ?? Enoe.Data.Schools.ServiceSet.All)
            ),
        ];

    public IEnumerable<WidgetRule> All => _ordered.Select(d => d.Rule);

    public WidgetRule? Find(string key) => Get(key)?.Rule;

    public IReadOnlyList<string> ValidateSettings(string key, string? settingsJson)
    {
        if (Get(key) is not { SettingsType: { } type, SettingsValidator: { } validatorType })
            return [];
        var settings = WidgetSettings.Read(type, settingsJson);
        var validator = (IValidator)Activator.CreateInstance(validatorType)!;
        var result = validator.Validate(new ValidationContext<object>(settings));
        return [.. result.Errors.Select(e => e.ErrorMessage)];
    }
}

public static class WidgetServiceCollectionExtensions
{
    /// <summary>Registers a widget; each ENT service calls it from its own <c>AddXxx()</c>.</summary>
    public static IServiceCollection AddWidget(this IServiceCollection services, WidgetDescriptor descriptor) =>
        services.AddSingleton(descriptor);
}
