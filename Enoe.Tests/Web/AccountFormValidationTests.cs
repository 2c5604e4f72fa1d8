using System.Text.RegularExpressions;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// The accounts page is statically rendered (Identity's UserManager lives for one request): its form puts
/// the service's validator message under the field it is about and stops there: the service, which still
/// checks, is not asked to say it again.
/// </summary>
[Collection(SharedApp.Name)]
public sealed partial class AccountFormValidationTests(EnoeAppFactory app)
{
    [Fact]
    public async Task AStudentWithoutAClass_EachMessageStandsOnceUnderItsField_AndNothingIsCreated()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");
        var accountsBefore = AccountCount().Match(await client.GetPageAsync("/gestion/comptes")).Groups[1].Value;
        var response = await client.PostFormAsync(
            "/gestion/comptes",
            "/gestion/comptes",
            new()
            {
                ["_handler"] = "new-account",
                ["Input.FirstName"] = "Sans",
                ["Input.LastName"] = "",
                ["Input.Profile"] = "Student",
            }
        );
        var page = await response.ReadPageAsync();

        Assert.Contains("<div class=\"validation-message\">Le nom est obligatoire.</div>", page);
        Assert.Contains("<div class=\"validation-message\">Un élève doit être inscrit dans une classe.</div>", page);
        Assert.DoesNotContain("Compte créé.", page);
        // Said once, under its field: the service is not asked, so no alert above repeats the messages (a
        // screen reader would announce them twice). It still checks: see EnglishMessagesTests.
        Assert.DoesNotContain("role=\"alert\"", page);
        Assert.Single(Regex.Matches(page, "Le nom est obligatoire\\."));
        Assert.Single(Regex.Matches(page, "Un élève doit être inscrit dans une classe\\."));
        Assert.Contains(">Comptes (" + accountsBefore + ")<", page); // nothing was written
    }

    [GeneratedRegex(@">Comptes \((\d+)\)<")]
    private static partial Regex AccountCount();
}
