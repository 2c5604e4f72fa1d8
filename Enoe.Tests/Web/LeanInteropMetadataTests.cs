using System.Numerics;
using System.Reflection;
using System.Text.Json;
using Enoe.App.Hosting;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;

namespace Enoe.Tests.Web;

/// <summary>
/// A tab's JS runtime builds no metadata for the ancestors of what script calls carry (<c>INumber&lt;int&gt;</c> and
/// the like, about 90 KB a tab), and still writes and reads everything as the framework's own runtime does.
/// </summary>
public sealed class LeanInteropMetadataTests
{
    private static readonly PropertyInfo OptionsOf = typeof(JSRuntime).GetProperty(
        "JsonSerializerOptions",
        BindingFlags.Instance | BindingFlags.NonPublic
    )!;

    /// <summary>
    /// What the dashboard's calls carry: numbers, texts, a list of records, the framework's own types.
    /// </summary>
    private static readonly object?[] Arguments = [42, 7L, "Lucas", new[] { new Row("Maths", 3) }, null];

    [Fact]
    public void TheAppsCircuits_GetTheLeanRuntime()
    {
        using var app = new EnoeAppFactory();
        using var scope = app.Services.CreateScope();

        var runtime = scope.ServiceProvider.GetRequiredService<IJSRuntime>();

        Assert.Equal("RemoteJSRuntime", runtime.GetType().Name); // the circuit casts it to the framework's type
        Assert.IsType<LeanInteropMetadata.SkipsAncestorsOnly>(Options(runtime).TypeInfoResolver);
    }

    [Fact]
    public void AScriptCallsArguments_AreWrittenAsBefore_WithoutTheirAncestorsMetadata()
    {
        var (framework, lean) = (Options(Runtime(lean: false)), Options(Runtime(lean: true)));

        Assert.Equal(JsonSerializer.Serialize(Arguments, framework), JsonSerializer.Serialize(Arguments, lean));
        Assert.Equal(
            "[42,7,\"Lucas\",[{\"subject\":\"Maths\",\"count\":3}],null]",
            JsonSerializer.Serialize(Arguments, lean)
        );

        Assert.True(framework.TryGetTypeInfo(typeof(INumber<int>), out _)); // what the framework's runtime builds
        Assert.False(lean.TryGetTypeInfo(typeof(INumber<int>), out _));
        Assert.False(lean.TryGetTypeInfo(typeof(IParsable<string>), out _));
        Assert.False(lean.TryGetTypeInfo(typeof(ValueType), out _));
        Assert.False(lean.TryGetTypeInfo(typeof(System.Collections.IStructuralEquatable), out _)); // an array's
        // What calls declare and read keeps its metadata: results, references, lists declared by an interface.
        Assert.NotNull(lean.GetTypeInfo(typeof(IJSVoidResult)));
        Assert.NotNull(lean.GetTypeInfo(typeof(IJSObjectReference)));
        Assert.NotNull(lean.GetTypeInfo(typeof(IReadOnlyList<Row>)));
        Assert.Equal(
            new Row("Maths", 3),
            JsonSerializer.Deserialize<IReadOnlyList<Row>>("[{\"Subject\":\"Maths\",\"count\":3}]", lean)![0]
        );
    }

    public sealed record Row(string Subject, int Count);

    private static JsonSerializerOptions Options(IJSRuntime runtime) =>
        (JsonSerializerOptions)OptionsOf.GetValue(runtime)!;

    /// <summary>The framework's server runtime, as its registration builds it, with the filter or without.</summary>
    private static IJSRuntime Runtime(bool lean)
    {
        // The host's environment, which the circuit options read
        var services = WebApplication.CreateBuilder().Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        if (lean)
            services.AddLeanInteropMetadata();
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<IJSRuntime>();
    }
}
