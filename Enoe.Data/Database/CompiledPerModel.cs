using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Enoe.Data.Database;

/// <summary>
/// A query EF Core prepares once (<c>EF.CompileAsyncQuery</c>) rather than at every run. Each LINQ query is walked
/// before it runs, its captured values pulled out and its shape hashed and looked up in EF's cache: on the small reads
/// of every request and dashboard (the session's check, the unread badges) that preparation cost more of the
/// instance's CPU than the statements themselves (perf, circuits bench: 14 % of the instance in EF's query compiler).
/// A compiled query is bound to the model it first ran with, and a process may hold several (the tests' hosts, one
/// per database): one compiled copy per model.
/// </summary>
internal sealed class CompiledPerModel<TQuery>
    where TQuery : Delegate
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    /// <param name="compile">Compiles the query: <c>() => EF.CompileAsyncQuery(...)</c>.</param>
    public CompiledPerModel(Func<TQuery> compile) => _compile = _ => compile();

    /// <summary>The query compiled for <paramref name="db"/>'s model, to run on <paramref name="db"/>.</summary>
    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _compile);
}
