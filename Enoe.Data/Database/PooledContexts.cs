using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Database;

/// <summary>
/// What <see cref="IDbContextFactory{TContext}"/> of <see cref="EnoeDbContext"/> hands out: contexts of the database's
/// own type, from EF Core's pool (registered by <c>AddPooledDbContextFactory</c>, so the container disposes it). A
/// context new for each operation built its internal services (state manager, connection, query pipeline) from scratch
/// and threw them away: 5 % of the instance's CPU during a burst of dashboard opens, a dozen contexts each. A pooled
/// one is reset when disposed (tracked entities, transaction, connection closed, options back to the defaults) and
/// handed to the next operation. Contexts hold no state of their own (<see cref="EnoeDbContext"/>), which pooling
/// needs.
/// </summary>
internal sealed class PooledContexts<TContext>(IDbContextFactory<TContext> pool) : IDbContextFactory<EnoeDbContext>
    where TContext : EnoeDbContext
{
    public EnoeDbContext CreateDbContext() => pool.CreateDbContext();

    public async Task<EnoeDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await pool.CreateDbContextAsync(cancellationToken);
}
