using System.Globalization;
using System.Text;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Statistics;
using Enoe.Widgets.Common;

namespace Enoe.App.Components.Academy;

/// <summary>
/// The deployment table as a spreadsheet: one line per figure, for the académie then each kind of établissement
/// (count, out of, percent). Semicolons and a byte order mark, as French spreadsheets expect.
/// </summary>
public static class DeploymentCsv
{
    public const string Route = "/academie/statistiques.csv";

    public static string Write(DeploymentTable table, DeploymentLabels labels)
    {
        var csv = new CsvText(';'); // the file's documented form, whatever the reader's language
        var kinds = table.Kinds;
        csv.Line([
            "indicateur",
            "total",
            "sur",
            "pourcentage",
            .. kinds.SelectMany(k =>
            {
                var code = DeploymentLabels.FileCode(k);
                return new[] { code, code + "_sur", code + "_pourcentage" };
            }),
        ]);
        var schools = new DeploymentRow(
            "schools",
            new Share(table.Schools, table.Schools),
            table.SchoolsByKind.ToDictionary(k => k.Key, k => new Share(k.Value, k.Value))
        );
        foreach (
            var row in (DeploymentRow[])
                [schools, .. table.Services, table.ExternalAccess, .. table.Networks, table.NetworkEquipped]
        )
        {
            var label = row == schools ? AcademyText.Row_Schools : labels.Of(row.Key);
            csv.Line([
                label,
                .. Cells(row.Total),
                .. kinds.SelectMany(k => Cells(row.ByKind.GetValueOrDefault(k) ?? new Share(0, 0))),
            ]);
        }
        return csv.Text;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapGet(
                Route,
                async (
                    HttpContext http,
                    DeploymentStatistics statistics,
                    DeploymentLabels labels,
                    CancellationToken ct
                ) =>
                {
                    if (CurrentUser.From(http.User) is not { } user)
                        return Results.Unauthorized();
                    var table = await statistics.CurrentAsync(user, ct);
                    if (!table.Succeeded)
                        return Results.Forbid();
                    FileResponses.NoSniff(http);
                    byte[] bytes =
                    [
                        .. Encoding.UTF8.GetPreamble(),
                        .. Encoding.UTF8.GetBytes(Write(table.Value!, labels)),
                    ];
                    var day = table.Value!.ComputedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return Results.File(bytes, "text/csv; charset=utf-8", $"deploiement-enoe-{day}.csv");
                }
            )
            .RequireAuthorization(Enoe.Widgets.Abstractions.Policies.AcademyAdmin);

    private static IEnumerable<string> Cells(Share share) =>
        [
            share.Count.ToString(CultureInfo.InvariantCulture),
            share.Of.ToString(CultureInfo.InvariantCulture),
            share.Percent.ToString(CultureInfo.InvariantCulture),
        ];
}
