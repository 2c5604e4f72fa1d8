using System.Net;
using Enoe.Data;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class UsageExportTests(EnoeAppFactory app)
{
    /// <summary>The school's date now (read each time: a run can cross midnight in Paris).</summary>
    private static DateOnly Today => UsageCounter.Today(TimeProvider.System);

    private async Task<T> QueryAsync<T>(Func<EnoeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EnoeDbContext>());
    }

    private static string Csv(DateOnly from, DateOnly to, string more = "") =>
        $"/academie/utilisation.csv?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{more}";

    [Fact]
    public async Task SigningIn_MarksTheDayOnTheirMembership_SoTheyCountOnceToday()
    {
        var client = app.NewClient();
        var before = Today;
        var response = await client.SignInAsync("nathalie.girard");
        var after = Today; // the sign-in's day is one of the two, should midnight fall between them
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var days = await QueryAsync(db =>
            db.Memberships.Where(m => m.Person!.UserName == "nathalie.girard").Select(m => m.LastSignInOn).ToListAsync()
        );
        Assert.Contains(days, day => day == before || day == after);
        var counted = await QueryAsync(db =>
            db.Set<UsageCount>()
                .AnyAsync(c => c.Day >= before && c.Day <= after && c.Metric == UsageMetric.Staff && c.Count > 0)
        );
        Assert.True(counted);
    }

    [Fact]
    public async Task TheAcademyAdmin_ExportsTheFiguresPerDay_AndPerEtablissement()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.academie");

        var response = await client.GetAsync(Csv(Today.AddDays(-6), Today));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n").SkipLast(1).ToList();
        Assert.Equal(8, lines.Count); // the header and seven days
        Assert.StartsWith("Période;Personnes connectées;Élèves connectés;", lines[0]);
        Assert.StartsWith(Today.ToString("yyyy-MM-dd") + ";", lines[^1]);

        var schools = await client.GetStringAsync(Csv(Today.AddDays(-6), Today, "&table=etablissements"));
        Assert.Contains("Collège Victor Hugo", schools);
        Assert.Contains("Lycée Louis Lumière", schools);
    }

    [Fact]
    public async Task AnEtablissementsAdmin_ExportsTheirOwnOnly_AndAStudentNothing()
    {
        var lumiere = await QueryAsync(db =>
            db.Schools.Where(s => s.Slug == "lycee-lumiere").Select(s => s.Id).SingleAsync()
        );
        var admin = app.NewClient();
        await admin.SignInAsync("admin.victor-hugo");

        var own = await admin.GetStringAsync(Csv(Today.AddDays(-1), Today, "&table=etablissements"));
        var other = await admin.GetAsync(Csv(Today.AddDays(-1), Today, $"&school={lumiere}"));

        Assert.DoesNotContain("Lumière", own);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var student = app.NewClient();
        await student.SignInAsync("lucas.martin");
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync(Csv(Today, Today))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(Csv(Today, Today.AddDays(-1)))).StatusCode);
    }

    [Fact]
    public void ACellASpreadsheetWouldRunAsAFormula_IsWrittenAsText()
    {
        var query = new UsageQuery(Today, Today);
        var report = new UsageReport(
            query,
            [Today],
            UsageMetric.All.ToDictionary(m => m, _ => new long[] { 1 }),
            UsageMetric.All.ToDictionary(m => m, _ => 1L),
            [
                new UsageSchoolTotals(new UsageSchool(1, "=HYPERLINK(\"http://x\";\"y\")", "0250001A"), new long[12]),
                new UsageSchoolTotals(new UsageSchool(2, "@SUM(A1)", "0250002B"), new long[12]),
                new UsageSchoolTotals(new UsageSchool(3, "\tTab", "0250003C"), new long[12]),
            ]
        );

        var lines = UsageCsv.Schools(report).Csv.Split("\r\n");

        Assert.StartsWith("0250001A;\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";0;", lines[1]);
        Assert.StartsWith("0250002B;'@SUM(A1);0", lines[2]);
        Assert.StartsWith("0250003C;'\tTab;0", lines[3]);
    }
}
