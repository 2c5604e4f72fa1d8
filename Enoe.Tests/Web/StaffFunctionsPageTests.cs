using System.Text.RegularExpressions;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed partial class StaffFunctionsPageTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheSchoolAdmin_SetsALocalStaffAccountsFunctions_AndTheServerRefusesAnotherKindOfAccount()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");
        var page = await client.GetPageAsync("/gestion/comptes");
        var staffId = StaffOption().Match(page).Groups[1].Value;

        Task<string> PostAsync(string personId) =>
            client
                .PostFormAsync(
                    "/gestion/comptes",
                    "/gestion/comptes",
                    new()
                    {
                        ["_handler"] = "staff-functions",
                        ["Functions.PersonId"] = personId,
                        ["Functions.Chosen"] = "Agent",
                    }
                )
                .ContinueWith(r => r.Result.ReadPageAsync())
                .Unwrap();

        var saved = await PostAsync(staffId);
        Assert.Contains("Fonctions enregistrées.", saved);
        var select = saved[saved.IndexOf("<select id=\"staff\"")..];
        Assert.Matches(
            $"<option value=\"{staffId}\"[^>]*>[^<]*\\(Agent\\)</option>",
            select[..select.IndexOf("</select>")]
        );

        var refused = await PostAsync("999999");
        Assert.Contains("Seules les fonctions d'un compte local du personnel se règlent ici", refused);
    }

    // The secrétariat's account (made an agent here: no other test leans on its rights).
    [GeneratedRegex("<option value=\"(\\d+)\"[^>]*>[^<]*\\(Secrétariat, intendance\\)</option>")]
    private static partial Regex StaffOption();
}
