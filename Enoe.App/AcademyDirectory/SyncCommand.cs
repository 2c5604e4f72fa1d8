using Enoe.Data.Directory;
using Microsoft.Extensions.Options;

namespace Enoe.App.AcademyDirectory;

/// <summary>
/// <c>dotnet run --project Enoe.App -- --sync-directory [--dry-run]</c>: one sync, its report on standard output,
/// then the process ends. Exit code 0 when the run completed (rejected entries included), 1 when the directory could
/// not be read, 2 when no directory is configured.
/// </summary>
public static class SyncCommand
{
    public const string Argument = "--sync-directory";
    public const string DryRunArgument = "--dry-run";

    public static async Task<int> RunAsync(IServiceProvider services, bool dryRun, TextWriter output)
    {
        if (!services.GetRequiredService<IOptions<DirectoryOptions>>().Value.IsConfigured)
        {
            await output.WriteLineAsync($"No directory configured ({DirectoryOptions.Section}:Ldap:Url is empty).");
            return 2;
        }
        var report = await services.GetRequiredService<DirectorySync>().RunAsync(dryRun);
        await WriteAsync(report, output);
        return report.Completed ? 0 : 1;
    }

    /// <summary>Per établissement, then (on a dry run, the whole diff) every change; the summary line last.</summary>
    private static async Task WriteAsync(DirectorySyncReport report, TextWriter output)
    {
        await output.WriteLineAsync("UAI       read created updated unchanged disabled rejected gone  name");
        foreach (var s in report.Schools.OrderBy(s => s.Uai is null).ThenBy(s => s.Uai, StringComparer.Ordinal))
            await output.WriteLineAsync(
                $"{s.Uai ?? "-", -9} {s.Read, 4} {s.Created, 7} {s.Updated, 7} {s.Unchanged, 9} {s.Disabled, 8} "
                    + $"{s.Rejected, 8} {s.Gone, 4}  {s.Name}"
            );
        var shown = report.DryRun ? report.Changes : report.Changes.Where(c => c.Kind == DirectoryChangeKind.Rejected);
        foreach (var change in shown)
            await output.WriteLineAsync($"{change.Kind, -8} {change.Uai ?? "-", -9} {change.Who}: {change.Detail}");
        await output.WriteLineAsync(report.Summary);
    }
}
