using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.JSInterop;

namespace Enoe.App.Hosting;

/// <summary>
/// Each tab's circuit has its own JS runtime and JSON options (their converters hold the runtime), so System.Text.Json
/// keeps its type metadata once per tab. A script call's arguments travel as <c>object</c>, and for each value's type
/// the serializer looks for a polymorphic ancestor: it builds metadata for every base class and interface of
/// <c>int</c>, <c>long</c> and <c>string</c> (some eighty: <c>INumber&lt;int&gt;</c>, <c>IParsable&lt;string&gt;</c>,
/// …), none of which is ever written. A heap snapshot of 300 open dashboards put it at about 90 KB of a tab's 300.
/// <see cref="SkipsAncestorsOnly"/> answers "no metadata" for those types alone, so the search finds nothing, as it
/// did, without keeping anything; whatever is actually written or read resolves as before.
/// </summary>
public static class LeanInteropMetadata
{
    private const string ServerRuntime = "Microsoft.AspNetCore.Components.Server.Circuits.RemoteJSRuntime";

    /// <summary>The JS runtime's options: a protected member of the framework's base class.</summary>
    private static readonly PropertyInfo? Options = typeof(JSRuntime).GetProperty(
        "JsonSerializerOptions",
        BindingFlags.Instance | BindingFlags.NonPublic
    );

    /// <summary>
    /// Builds the circuit's JS runtime as the framework registered it, then gives its options the filter. Does nothing
    /// when the framework's registration or member is not where this expects it (a later .NET): tabs then hold the
    /// metadata again, which the circuits bench's memory figure would show.
    /// </summary>
    public static IServiceCollection AddLeanInteropMetadata(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IJSRuntime));
        if (registered?.ImplementationType is not { FullName: ServerRuntime } runtime || Options is null)
            return services;
        services.Remove(registered);
        services.Add(
            ServiceDescriptor.Describe(
                typeof(IJSRuntime),
                sp => Lean((JSRuntime)ActivatorUtilities.CreateInstance(sp, runtime)),
                registered.Lifetime
            )
        );
        return services;
    }

    internal static JSRuntime Lean(JSRuntime runtime)
    {
        var options = (JsonSerializerOptions)Options!.GetValue(runtime)!;
        if (!options.IsReadOnly && options.TypeInfoResolver is not SkipsAncestorsOnly)
            options.TypeInfoResolver = new SkipsAncestorsOnly(
                options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()
            );
        return runtime;
    }

    /// <summary>The runtime's own resolver, except for the ancestors no script call ever carries.</summary>
    internal sealed class SkipsAncestorsOnly(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            IsAncestorOnly(type) ? null : inner.GetTypeInfo(type, options);

        /// <summary>
        /// <c>ValueType</c>, <c>Enum</c> and the system's non-collection interfaces (comparison, parsing, formatting,
        /// arithmetic, cloning, serialization, an array's structural equality): contracts of behaviour, with no data to
        /// write. Collection interfaces (a list declared <c>IReadOnlyList&lt;T&gt;</c>) and the framework's own
        /// (<c>IJSObjectReference</c>) are kept.
        /// </summary>
        internal static bool IsAncestorOnly(Type type) =>
            type == typeof(ValueType)
            || type == typeof(Enum)
            || type.IsInterface
                && type.Namespace
                    is "System"
                        or "System.Numerics"
                        or "System.Runtime.Serialization"
                        or "System.Collections"
                        or "System.Collections.Generic"
                && !typeof(IEnumerable).IsAssignableFrom(type);
    }
}
