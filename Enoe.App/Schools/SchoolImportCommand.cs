using Enoe.Data.Schools;

namespace Enoe.App.Schools;

/// <summary>
/// <c>dotnet run --project Enoe.App -- --import-etablissements FILE</c>: the académie's CSV of établissements imported
/// for a deployment script, as the console's import does it (checked whole, then written in one transaction), then the
/// process ends. Prints each établissement created or updated, or each bad line. Exit code 0 when imported, 1 when a
/// line is bad (nothing written), 2 when the file is missing.
/// </summary>
public static class SchoolImportCommand
{
    public const string Argument = "--import-etablissements";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var at = args.ToList().IndexOf(Argument);
        var path = at >= 0 && at + 1 < args.Count ? args[at + 1] : "";
        if (!File.Exists(path))
        {
            await output.WriteLineAsync(SchoolCsv.Missing(path));
            return 2;
        }
        var result = await services
            .GetRequiredService<SchoolAdministration>()
            .ImportAsSystemAsync(await File.ReadAllBytesAsync(path));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                await output.WriteLineAsync(error);
            return 1;
        }
        var preview = result.Value!;
        foreach (var row in preview.Rows.Where(r => r.Outcome != ImportOutcome.Unchanged))
            await output.WriteLineAsync(
                $"{(row.Outcome == ImportOutcome.Created ? "created" : "updated"), -8} {row.Uai} {row.Name}"
                    + (
                        row.Outcome == ImportOutcome.Updated
                            ? $" ({string.Join(", ", row.Changes.Select(Describe))})"
                            : ""
                    )
            );
        await output.WriteLineAsync(
            $"{preview.Count(ImportOutcome.Created)} created, {preview.Count(ImportOutcome.Updated)} updated, "
                + $"{preview.Count(ImportOutcome.Unchanged)} unchanged"
        );
        return 0;
    }

    private static string Describe(FieldChange c) => $"{SchoolCsv.ColumnOf(c.Field)}: {c.Before} -> {c.After}";
}
