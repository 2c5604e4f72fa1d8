using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// The accounts page is statically rendered (Identity's UserManager lives for one request): its form puts
/// the service's validator message under the field it is about, and the service, which still
/// checks, returns that same message.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class AccountFormValidationTests(EnoeAppFactory app)
{
    [Fact]
    public async Task AStudentWithoutAClass_TheMessageStandsUnderTheClassField_AndTheServiceSaysTheSame()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");
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
        // The form does not decide: the service refused too, with the same messages (the page's alerts).
        Assert.Contains("role=\"alert\">Le nom est obligatoire.</p>", page);
        Assert.Contains("role=\"alert\">Un élève doit être inscrit dans une classe.</p>", page);
    }
}
