using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Enoe.App.Hosting;

/// <summary>
/// Counts open circuits: each is a browser tab's live session held in the server's memory. Exported as
/// <c>enoe_circuits_open</c> too.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;
    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        Interlocked.Increment(ref _open);
        Enoe.Data.Diagnostics.EnoeMetrics.CircuitsOpen.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct)
    {
        Interlocked.Decrement(ref _open);
        Enoe.Data.Diagnostics.EnoeMetrics.CircuitsOpen.Add(-1);
        return Task.CompletedTask;
    }
}

public static class DiagnosticsHosting
{
    /// <summary>
    /// <c>GET /diagnostics/memory</c>: managed heap after a full collection, open circuits and the resident memory
    /// (native included), for the circuit-memory benchmark (bench/); <c>GET /diagnostics/runtime</c>: the collections,
    /// their pauses, the CPU time, the bytes allocated and the time spent compiling methods so far (the JIT: a node
    /// just started still compiles the hot paths while it serves, which the bench must tell apart from the work
    /// itself). Off unless <c>Enoe:Diagnostics:Memory</c> is true, and only answered to the machine itself.
    /// </summary>
    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Enoe:Diagnostics:Memory"))
            return app;
        var diagnostics = app.MapGroup("/diagnostics").AllowAnonymous().AddEndpointFilter(FromThisMachineOnly);
        diagnostics.MapGet(
            "/memory",
            (CircuitCounter circuits) =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                return Results.Json(
                    new
                    {
                        managedBytes = GC.GetTotalMemory(forceFullCollection: true),
                        circuits = circuits.Open,
                        workingSetBytes = Environment.WorkingSet, // native memory too (a WebSocket's compressor)
                    }
                );
            }
        );
        // Without causing a collection: the bench reads them around each mémo it times.
        diagnostics.MapGet(
            "/runtime",
            () =>
                Results.Json(
                    new
                    {
                        counts = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
                        pausedMs = GC.GetTotalPauseDuration().TotalMilliseconds,
                        cpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds,
                        allocatedBytes = GC.GetTotalAllocatedBytes(),
                        jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
                        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
                    }
                )
        );
        return app;
    }

    /// <summary>Anyone else is told there is nothing here.</summary>
    private static ValueTask<object?> FromThisMachineOnly(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    ) =>
        context.HttpContext.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.NotFound());
}
