using System.Globalization;
using Enoe.Data.People;
using Enoe.Data.Statistics;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;

namespace Enoe.App.Components.Academy;

/// <summary>
/// The usage figures as CSV:
/// <c>/academie/utilisation.csv?from=2026-09-01&amp;to=2026-11-30&amp;school=12&amp;grain=week</c>
/// (<c>table=etablissements</c>: each établissement's totals). Signed-in people only; whose figures they get is
/// <see cref="UsageStatistics"/>' decision (an établissement's admins, their own only). No navigation: the console's
/// entries are the académie module's.
/// </summary>
public sealed class UsageEndpoints : UiModule
{
    public const string Csv = "/academie/utilisation.csv";

    public override void AddServices(IServiceCollection services) { }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Csv, ExportAsync).RequireAuthorization();

    public static string CsvAddress(UsageQuery query, string? table = null) =>
        Csv
        + $"?from={Iso(query.From)}&to={Iso(query.To)}&grain={query.Grain.ToString().ToLowerInvariant()}"
        + (query.SchoolId is { } school ? "&school=" + CssNumber.Of(school) : "")
        + (table is null ? "" : "&table=" + table);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<IResult> ExportAsync(
        string? from,
        string? to,
        int? school,
        string? grain,
        string? table,
        HttpContext http,
        UsageStatistics statistics,
        CancellationToken ct
    )
    {
        if (CurrentUser.From(http.User) is not { } user)
            return Results.Unauthorized();
        if (!TryDay(from, out var first) || !TryDay(to, out var last))
            return Results.BadRequest(UsageMessages.BadPeriod);
        var byGrain = Enum.TryParse<UsageGrain>(grain, ignoreCase: true, out var g) ? g : UsageGrain.Day;
        var report = await statistics.ReportAsync(user, new UsageQuery(first, last, school, byGrain), ct);
        if (!report.Succeeded)
            return report.Kind == Enoe.Data.Common.ResultKind.Forbidden
                ? Results.StatusCode(StatusCodes.Status403Forbidden) // not the sign-in cookie's redirect
                : Results.BadRequest(report.Errors[0]);
        var (name, csv) = table == "etablissements" ? UsageCsv.Schools(report.Value!) : UsageCsv.Series(report.Value!);
        FileResponses.NoSniff(http);
        // With its byte order mark, so spreadsheets read the accents as UTF-8.
        byte[] bytes = [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)];
        return Results.File(bytes, "text/csv; charset=utf-8", name);
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
