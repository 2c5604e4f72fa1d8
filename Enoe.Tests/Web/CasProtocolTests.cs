using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Enoe.Data;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// ENOE's CAS 3.0 server over HTTP, as a resource's CAS client meets it, on the demo's registration
/// (<c>http://localhost:8090/</c>, a prefix, open to students and teachers).
/// </summary>
[Collection(SharedApp.Name)]
public sealed class CasProtocolTests(EnoeAppFactory app)
{
    private static readonly XNamespace Cas = "http://www.yale.edu/tp/cas";
    private const string Service = "http://localhost:8090/ressource/";

    [Fact]
    public async Task AnUnregisteredService_GetsAnErrorPage_NeverARedirect()
    {
        var client = await SignedInAsync("lucas.martin");

        var response = await client.GetAsync(Login("https://evil.example/collect"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("n'est pas autorisé", await response.ReadPageAsync());
    }

    [Fact]
    public async Task SomeoneSignedOut_IsSentToSignIn_AndComesBack()
    {
        var response = await app.NewClient().GetAsync(Login(Service));

        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/connexion?ReturnUrl=", location);
        Assert.Equal("/cas/login?service=" + Uri.EscapeDataString(Service), Uri.UnescapeDataString(location[21..]));
    }

    [Fact]
    public async Task Gateway_WithNobodySignedIn_GoesBackWithoutATicket()
    {
        var response = await app.NewClient().GetAsync(Login(Service) + "&gateway=true");

        Assert.Equal(Service, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AStudent_IsHandedOver_AndTheServiceReadsWhoTheyAre_Once()
    {
        var ticket = await TicketAsync(await SignedInAsync("lucas.martin"), Service + "?cours=2");

        var success = await ValidateAsync("/cas/serviceValidate", Service + "?cours=2", ticket);
        var again = await ValidateAsync("/cas/serviceValidate", Service + "?cours=2", ticket);

        Assert.Equal("lucas.martin", success.Descendants(Cas + "user").Single().Value);
        Assert.Equal("National_1", success.Descendants(Cas + "ENTPersonProfils").Single().Value);
        Assert.Equal("Martin", success.Descendants(Cas + "ENTPersonNom").Single().Value);
        Assert.Single(success.Descendants(Cas + "ENTPersonStructRattachRNE"));
        Assert.Equal("INVALID_TICKET", Failure(again));
    }

    [Fact]
    public async Task ATicketShownToAnotherService_IsRefused_AndBurnt()
    {
        var ticket = await TicketAsync(await SignedInAsync("lucas.martin"), Service);

        var other = await ValidateAsync("/cas/p3/serviceValidate", "http://localhost:8090/autre/", ticket);
        var own = await ValidateAsync("/cas/p3/serviceValidate", Service, ticket);

        Assert.Equal("INVALID_SERVICE", Failure(other));
        Assert.Equal("INVALID_TICKET", Failure(own));
    }

    [Theory]
    [InlineData("http://LOCALHOST:80/ressource/index.php;jsessionid=A1B2?a=1&amp;b=%c3%a9")]
    [InlineData("http://localhost:8090/ressource/%C3%A9l%C3%A8ve/")]
    public async Task ServiceUrls_SpelledDifferently_AtValidation_StillMatch(string sent)
    {
        var registered = sent.Contains("LOCALHOST") ? "http://localhost/ressource/" : Service;
        if (registered != Service)
            await RegisterAsync("Sans port", registered);
        var ticket = await TicketAsync(await SignedInAsync("lucas.martin"), sent);
        // What a CAS client sends back: the same address, lower-case percent-encoded, as a query parameter.
        var lower = ServiceUrlAsClientsSendIt(sent.Replace(";jsessionid=A1B2", "").Replace("&amp;", "&"));

        var answer = await app.NewClient().GetStringAsync($"/cas/serviceValidate?service={lower}&ticket={ticket}");

        Assert.Contains("authenticationSuccess", answer);
    }

    [Fact]
    public async Task P3_AnswersInJson_WhenAsked()
    {
        var ticket = await TicketAsync(await SignedInAsync("claire.fontaine"), Service);

        var json = await app.NewClient()
            .GetStringAsync(
                $"/cas/p3/serviceValidate?format=JSON&service={Uri.EscapeDataString(Service)}&ticket={ticket}"
            );

        using var document = JsonDocument.Parse(json);
        var success = document.RootElement.GetProperty("serviceResponse").GetProperty("authenticationSuccess");
        Assert.Equal("claire.fontaine", success.GetProperty("user").GetString());
        Assert.Equal("National_3", success.GetProperty("attributes").GetProperty("ENTPersonProfils")[0].GetString());
    }

    [Fact]
    public async Task MissingParameters_AnswerInvalidRequest_AndAnotherKindOfTicket_InvalidTicketSpec()
    {
        Assert.Equal("INVALID_REQUEST", Failure(await ValidateAsync("/cas/serviceValidate", Service, "")));
        Assert.Equal("INVALID_TICKET_SPEC", Failure(await ValidateAsync("/cas/serviceValidate", Service, "PT-1")));
        // A ticket with a character XML cannot hold is answered, not a server error.
        var odd = await ValidateAsync("/cas/proxyValidate", Service, Uri.EscapeDataString("ST-\u0001<x>"));
        Assert.Equal("INVALID_TICKET", Failure(odd));
    }

    [Fact]
    public async Task AParent_TheResourceIsNotOpenTo_IsToldWhy_AndNotSentOn()
    {
        var response = await (await SignedInAsync("sophie.martin")).GetAsync(Login(Service));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("n'est pas ouvert à votre profil", await response.ReadPageAsync());
    }

    [Fact]
    public async Task Renew_AsksForThePasswordAgain_EvenOfSomeoneSignedIn()
    {
        var client = await SignedInAsync("lucas.martin");
        var plain = await TicketAsync(client, Service);
        Assert.Equal(
            "INVALID_TICKET",
            Failure(await ValidateAsync("/cas/serviceValidate", Service, plain, renew: true))
        );

        var asked = await client.GetAsync(Login(Service) + "&renew=true");
        var back = Uri.UnescapeDataString(asked.Headers.Location!.OriginalString["/connexion?ReturnUrl=".Length..]);
        Assert.StartsWith("/connexion?ReturnUrl=", asked.Headers.Location.OriginalString);
        Assert.Contains("&depuis=", back);
        await client.SignInAsync("lucas.martin", returnUrl: back);
        var renewed = await client.GetAsync(back);
        var ticket = renewed.Headers.Location!.OriginalString.Split("ticket=")[1];

        var answer = await ValidateAsync("/cas/serviceValidate", Service, ticket, renew: true);
        Assert.Equal("lucas.martin", answer.Descendants(Cas + "user").Single().Value);
        // The stamp served once: the same way back asks for the password again.
        var replayed = await client.GetAsync(back);
        Assert.StartsWith("/connexion?ReturnUrl=", replayed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AStampAskedForBeforeTheOwnerSignedIn_DoesNotCountAsTheirPassword()
    {
        // A shared computer: someone asks for a renewal while nobody is signed in, then the owner signs in on their
        // own, and the first comes back with the stamp.
        var browser = app.NewClient();
        var asked = await browser.GetAsync(Login(Service) + "&renew=1");
        var back = Uri.UnescapeDataString(asked.Headers.Location!.OriginalString["/connexion?ReturnUrl=".Length..]);
        await browser.SignInAsync("lucas.martin");

        var replayed = await browser.GetAsync(back);

        Assert.StartsWith("/connexion?ReturnUrl=", replayed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SamlValidate_AnswersSaml11_AsModAuthCasReadsIt_Once()
    {
        var ticket = await TicketAsync(await SignedInAsync("lucas.martin"), Service);

        var success = await SamlValidateAsync(ticket);
        var again = await SamlValidateAsync(ticket);

        XNamespace samlp = "urn:oasis:names:tc:SAML:1.0:protocol",
            saml = "urn:oasis:names:tc:SAML:1.0:assertion";
        var response = success.Descendants(samlp + "Response").Single();
        // mod_auth_cas walks it by position: Status first, then the assertion; Conditions, then AttributeStatement,
        // whose Subject's first child is the login.
        Assert.Equal("samlp:Success", response.Elements().First().Elements().First().Attribute("Value")!.Value);
        var assertion = response.Elements().ElementAt(1);
        Assert.Equal(
            ["Conditions", "AttributeStatement", "AuthenticationStatement"],
            assertion.Elements().Select(e => e.Name.LocalName)
        );
        var statement = assertion.Elements().ElementAt(1);
        Assert.Equal("lucas.martin", statement.Elements().First().Elements().First().Value);
        var profile = statement
            .Elements(saml + "Attribute")
            .Single(a => (string?)a.Attribute("AttributeName") == "ENTPersonProfils");
        Assert.Equal("National_1", profile.Value);
        Assert.Equal("samlp:Responder", again.Descendants(samlp + "StatusCode").Single().Attribute("Value")!.Value);
        // renew, asked in the address as mod_auth_cas does: a ticket not issued right after a password is refused.
        var plain = await TicketAsync(await SignedInAsync("lucas.martin"), Service);
        var renewed = await SamlValidateAsync(plain, "&renew=true");
        Assert.Equal("samlp:Responder", renewed.Descendants(samlp + "StatusCode").Single().Attribute("Value")!.Value);
    }

    private async Task<XDocument> SamlValidateAsync(string ticket, string query = "")
    {
        var envelope =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<SOAP-ENV:Header/><SOAP-ENV:Body><samlp:Request xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" "
            + $"MajorVersion=\"1\" MinorVersion=\"1\"><samlp:AssertionArtifact>{ticket}</samlp:AssertionArtifact>"
            + "</samlp:Request></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        var response = await app.NewClient()
            .PostAsync(
                "/cas/samlValidate?TARGET=" + Uri.EscapeDataString(Service) + query,
                new StringContent(envelope, System.Text.Encoding.UTF8, "text/xml")
            );
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Validate_AnswersCas1()
    {
        var ticket = await TicketAsync(await SignedInAsync("lucas.martin"), Service);
        var url = $"/cas/validate?service={Uri.EscapeDataString(Service)}&ticket={ticket}";

        Assert.Equal("yes\nlucas.martin\n", await app.NewClient().GetStringAsync(url));
        Assert.Equal("no\n\n", await app.NewClient().GetStringAsync(url));
    }

    private static string Login(string service) => "/cas/login?service=" + Uri.EscapeDataString(service);

    private static string ServiceUrlAsClientsSendIt(string url) => Uri.EscapeDataString(url).ToLowerInvariant();

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = app.NewClient();
        await client.SignInAsync(userName);
        return client;
    }

    private static async Task<string> TicketAsync(HttpClient client, string service)
    {
        var response = await client.GetAsync(Login(service));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("ticket=ST-", location);
        return location.Split("ticket=")[1];
    }

    private async Task<XDocument> ValidateAsync(string path, string service, string ticket, bool renew = false) =>
        XDocument.Parse(
            await app.NewClient()
                .GetStringAsync(
                    $"{path}?service={Uri.EscapeDataString(service)}&ticket={ticket}" + (renew ? "&renew=true" : "")
                )
        );

    private static string? Failure(XDocument answer) =>
        answer.Descendants(Cas + "authenticationFailure").SingleOrDefault()?.Attribute("code")?.Value;

    private async Task RegisterAsync(string name, string pattern)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Set<SsoRegistration>().AnyAsync(r => r.ServicePattern == pattern))
        {
            db.Add(
                new SsoRegistration
                {
                    Name = name,
                    ServicePattern = pattern,
                    Match = ServiceMatch.Prefix,
                }
            );
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<CasService>().ChangedAsync();
    }
}
