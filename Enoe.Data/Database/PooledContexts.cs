using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Enoe.Data.Database;

/// <summary>
/// What <see cref="IDbContextFactory{TContext}"/> hands out: contexts of the database's own type, from EF Core's pool.
/// A context new for each operation built its internal services (state manager, connection, query pipeline) from
/// scratch and threw them away: 5 % of the instance's CPU during a burst of dashboard opens, a dozen contexts each. A
/// pooled one is reset when disposed (tracked entities, transaction, connection closed, options back to the defaults)
/// and handed to the next operation. Contexts hold no state of their own (<see cref="EnoeDbContext"/>), which pooling
/// needs.
/// </summary>
internal sealed class PooledContexts<TContext>(DbContextOptions<EnoeDbContext> options)
    : IDbContextFactory<EnoeDbContext>
    where TContext : EnoeDbContext
{
    // The pool wants options typed for the context it makes: the same settings, retyped.
    private readonly PooledDbContextFactory<TContext> _pool = new(
        new DbContextOptions<TContext>(options.Extensions.ToDictionary(e => e.GetType()))
    );

    public EnoeDbContext CreateDbContext() => _pool.CreateDbContext();

    public async Task<EnoeDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await _pool.CreateDbContextAsync(cancellationToken);
}
