using System.Net;
using Enoe.Data;
using Enoe.Data.Privacy;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>The export's download checks who asks: Lucas's mother gets his zip, his teacher does not.</summary>
[Collection(SharedApp.Name)]
public sealed class DataExportDownloadTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheZip_GoesToTheChildsParent_NotToATeacher_AndMyDataPageShows()
    {
        var files = app.Services.GetRequiredService<ExportFiles>();
        var key = ExportFiles.NewKey();
        await files.SaveAsync(key, zip => zip.WriteAsync(new byte[] { 0x50, 0x4B, 5, 6 }).AsTask(), default);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var lucas = await db.Users.Where(u => u.UserName == "lucas.martin").Select(u => u.Id).SingleAsync();
            var export = new DataExport
            {
                SubjectId = lucas,
                RequestedById = lucas,
                RequestedAt = DateTime.UtcNow,
                Status = DataExportStatus.Ready,
                Progress = 100,
                FileKey = key,
                ReadyAt = DateTime.UtcNow,
                ExpiresAt = DateTime.UtcNow.AddDays(7),
            };
            db.Add(export);
            await db.SaveChangesAsync();
            id = export.Id;
        }
        var sophie = app.NewClient();
        await sophie.SignInAsync("sophie.martin");
        var claire = app.NewClient();
        await claire.SignInAsync("claire.fontaine");

        var mine = await sophie.GetAsync($"/mes-donnees/export/{id}");
        var notHers = await claire.GetAsync($"/mes-donnees/export/{id}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal([0x50, 0x4B, 5, 6], await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
        Assert.Contains("Mes données", WebUtility.HtmlDecode(await sophie.GetStringAsync("/mes-donnees")));
    }
}
