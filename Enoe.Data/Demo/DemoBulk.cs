using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enoe.Data.Demo;

/// <summary>
/// Inserts the demo's thousands of rows (people and their memberships, carnet entries, marks, mémo
/// copies, copies handed in) with one prepared statement per table, reused row after row in the
/// seeder's transaction: EF's change tracker costs about ten times more per row, and the demo is
/// seeded as the app starts. Column
/// names, value conversions and parameter types come from EF's own model and type mappings, so
/// rows are stored exactly as EF would store them; a generated id is read back into the row.
/// Foreign keys are taken from reference navigations when those are set (a grade's assessment).
/// </summary>
internal static class DemoBulk
{
    public static Task InsertAsync<T>(EnoeDbContext db, IEnumerable<T> rows, CancellationToken ct)
        where T : class => InsertAsync(db, typeof(T), rows, ct);

    public static async Task InsertAsync(EnoeDbContext db, Type type, IEnumerable<object> rows, CancellationToken ct)
    {
        var entity =
            db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        var generated = key is [{ ValueGenerated: ValueGenerated.OnAdd } id] ? id : null;
        var columns = entity.GetProperties().Where(p => p != generated).ToList();
        if (columns.Any(c => c.PropertyInfo is null))
            throw new InvalidOperationException($"{type.Name} has shadow properties: insert it through EF.");
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var references = entity
            .GetForeignKeys()
            .Where(fk => fk.DependentToPrincipal?.PropertyInfo is not null)
            .ToList();

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})"
            + (generated is null ? "" : $" RETURNING \"{generated.GetColumnName(table)}\"");
        // Parameters made once by EF's mappings (their provider types), given each row's value converted as EF converts
        // it.
        for (var i = 0; i < columns.Count; i++)
            command.Parameters.Add(mappings[i].CreateParameter(command, "@p" + i, null, columns[i].IsNullable));
        foreach (var row in rows)
        {
            foreach (var fk in references)
                if (fk.DependentToPrincipal!.PropertyInfo!.GetValue(row) is { } principal)
                    for (var i = 0; i < fk.Properties.Count; i++)
                        fk.Properties[i]
                            .PropertyInfo!.SetValue(
                                row,
                                fk.PrincipalKey.Properties[i].PropertyInfo!.GetValue(principal)
                            );
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].PropertyInfo!.GetValue(row);
                if (value is not null && mappings[i].Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                ((DbParameter)command.Parameters[i]).Value = value ?? DBNull.Value;
            }
            if (generated is null)
                await command.ExecuteNonQueryAsync(ct);
            else
                generated.PropertyInfo!.SetValue(row, Convert.ToInt32(await command.ExecuteScalarAsync(ct)));
        }
    }
}
