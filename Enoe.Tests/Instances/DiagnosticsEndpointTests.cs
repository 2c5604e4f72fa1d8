using System.Net;
using System.Text.Json;
using Enoe.Tests.Support;

namespace Enoe.Tests.Instances;

/// <summary>
/// The benchmarks' endpoints (<c>/diagnostics/memory</c>, <c>/diagnostics/runtime</c>): absent unless switched on,
/// and then answered to the machine itself only (a full collection on demand is no one else's to ask for).
/// </summary>
public sealed class DiagnosticsEndpointTests
{
    private static readonly string[] Paths = ["/diagnostics/memory", "/diagnostics/runtime"];

    [Fact]
    public async Task SwitchedOn_TheyAnswerTheMachineItself_AndNoOneElse()
    {
        await using var app = new SasAppFactory { Settings = { ["Enoe:Diagnostics:Memory"] = "true" } };
        var client = app.NewClient();

        using var memory = await client.GetFromAsync("/diagnostics/memory", "127.0.0.1");
        using var runtime = await client.GetFromAsync("/diagnostics/runtime", "::1");

        Assert.Equal(HttpStatusCode.OK, memory.StatusCode);
        using var heap = JsonDocument.Parse(await memory.Content.ReadAsStringAsync());
        Assert.True(heap.RootElement.GetProperty("managedBytes").GetInt64() > 0);
        Assert.Equal(0, heap.RootElement.GetProperty("circuits").GetInt32());
        Assert.Equal(HttpStatusCode.OK, runtime.StatusCode);
        using var use = JsonDocument.Parse(await runtime.Content.ReadAsStringAsync());
        Assert.Equal(3, use.RootElement.GetProperty("counts").GetArrayLength());
        Assert.True(use.RootElement.GetProperty("cpuMs").GetDouble() > 0);
        Assert.True(use.RootElement.GetProperty("allocatedBytes").GetInt64() > 0);
        Assert.True(use.RootElement.GetProperty("jitMs").GetDouble() > 0); // the app compiled its code as it started
        Assert.True(use.RootElement.GetProperty("jitMethods").GetInt64() > 0);
        foreach (var path in Paths)
        {
            using var fromAfar = await client.GetFromAsync(path, "203.0.113.7");
            Assert.Equal(HttpStatusCode.NotFound, fromAfar.StatusCode);
        }
    }

    [Fact]
    public async Task SwitchedOff_TheyAreNotThere_EvenForTheMachineItself()
    {
        await using var app = new SasAppFactory();
        var client = app.NewClient();

        foreach (var path in Paths)
        {
            using var response = await client.GetFromAsync(path, "127.0.0.1");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
