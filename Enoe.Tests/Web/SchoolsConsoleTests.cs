using System.Net;
using System.Reflection;
using System.Text;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class SchoolsConsoleTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheAcademyAdmin_ExportsTheSchoolsAsCsv_InTheImportFormat()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.academie");

        var response = await client.GetAsync("/academie/etablissements.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF" + SchoolCsv.Header + "\r\n", text);
        Assert.Contains(";Collège Victor Hugo;college;Besançon;scribe;", text);
    }

    [Theory]
    [InlineData("/academie/etablissements.csv")]
    [InlineData("/academie/etablissements")]
    [InlineData("/academie/etablissements/import")]
    public async Task ASchoolAdmin_IsTurnedAway(string path)
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQueryOrOriginal());
    }

    /// <summary>
    /// Every first segment the app answers (pages, endpoints, static files) is one no établissement can take as its
    /// slug: a route added without its segment in <see cref="SchoolSlugs.Reserved"/> fails here.
    /// </summary>
    [Fact]
    public void EveryTopLevelPathOfTheApp_IsAReservedSlug()
    {
        var pages = new[] { typeof(Program).Assembly, typeof(Enoe.Widgets.WidgetsServiceCollectionExtensions).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);
        var endpoints = app
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "");

        var segments = pages
            .Concat(endpoints)
            .Select(path => path.TrimStart('/').Split('/')[0])
            .Where(SchoolSlugs.IsWellFormed) // "{Slug}", "_framework", "Enoe.App.styles.css" cannot be slugs
            .Distinct()
            .ToList();

        Assert.Contains("tableau-de-bord", segments);
        Assert.Contains("fichiers", segments);
        Assert.Equal([], segments.Where(s => !SchoolSlugs.IsReserved(s)));
    }
}
