using System.Net;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// "Mes données" offers the student search to the direction (by the functions in the cookie), not to every member of
/// staff: the CPE and the librarian read their own log only.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class MyDataSearchTests(EnoeAppFactory app)
{
    [Theory]
    [InlineData(StaffFunction.Direction, true)]
    [InlineData(StaffFunction.Cpe, false)]
    [InlineData(StaffFunction.Librarian, false)]
    public async Task TheStudentSearch_IsForTheDirection(StaffFunction function, bool offered)
    {
        string userName;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            userName = await db
                .Memberships.Where(m =>
                    m.School!.Name == "Collège Victor Hugo"
                    && m.Functions == function
                    && (m.Profiles & Profile.SchoolAdmin) == 0
                )
                .Select(m => m.Person!.UserName!)
                .FirstAsync();
        }
        var client = app.NewClient();
        await client.SignInAsync(userName);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/mes-donnees"));

        Assert.Contains("Mes données", page);
        Assert.Equal(offered, page.Contains("Rechercher un élève"));
    }
}
