using System.Net;
using System.Text.RegularExpressions;

namespace Enoe.Bench.Circuits;

/// <summary>
/// One person signed in through the form, as a browser does (GET the page for its antiforgery token, POST the form);
/// keeps the cookies for the pages and the hub connections of this person's tabs.
/// </summary>
internal sealed partial class Account(string userName, Uri instance, CookieContainer cookies, HttpClient http)
    : IDisposable
{
    public string UserName => userName;
    public Uri Instance => instance;
    public CookieContainer Cookies => cookies;
    public HttpClient Http => http;

    public static async Task<Account> SignInAsync(Uri instance, string userName, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(
            new SocketsHttpHandler
            {
                CookieContainer = cookies,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            }
        )
        {
            BaseAddress = instance,
            Timeout = TimeSpan.FromMinutes(2),
        };
        try
        {
            var page = await http.GetStringAsync("/connexion", ct);
            var token =
                AntiforgeryField().Match(page) is { Success: true } match
                    ? WebUtility.HtmlDecode(match.Groups["value"].Value)
                    : throw new InvalidOperationException("No antiforgery token on /connexion.");
            using var posted = await http.PostAsync(
                "/compte/connexion",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["UserName"] = userName,
                        ["Password"] = password,
                        ["ReturnUrl"] = "/tableau-de-bord",
                        ["__RequestVerificationToken"] = token,
                    }
                ),
                ct
            );
            var location = posted.Headers.Location?.OriginalString;
            if (posted.StatusCode != HttpStatusCode.Redirect || location != "/tableau-de-bord")
                throw new InvalidOperationException(
                    $"Sign-in of {userName} refused: {(int)posted.StatusCode} to '{location}'."
                );
            return new Account(userName, instance, cookies, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(
        "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"|"
            + "<input[^>]*value=\"(?<value>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\""
    )]
    private static partial Regex AntiforgeryField();
}
