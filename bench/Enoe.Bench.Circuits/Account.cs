using System.Net;
using System.Text.RegularExpressions;

namespace Enoe.Bench.Circuits;

/// <summary>
/// One person signed in through the form, as a browser does (GET the page for its antiforgery token, POST the form);
/// keeps the cookies for the pages and the hub connections of this person's tabs. The cookies are kept by hand: the
/// app marks them Secure, which a browser still sends to http://127.0.0.1 (a secure context) and .NET's
/// CookieContainer does not.
/// </summary>
internal sealed partial class Account(string userName, Uri instance) : IDisposable
{
    private readonly Dictionary<string, string> _cookies = [];
    private HttpClient _http = NewClient(instance);

    public string UserName => userName;
    public Uri Instance => instance;

    /// <summary>The <c>Cookie</c> header this browser would send.</summary>
    public string CookieHeader
    {
        get
        {
            lock (_cookies)
                return string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }
    }

    public static async Task<Account> SignInAsync(Uri instance, string userName, string password, CancellationToken ct)
    {
        var account = new Account(userName, instance);
        try
        {
            await account.SignInAsync(password, ct);
            return account;
        }
        catch
        {
            account.Dispose();
            throw;
        }
    }

    /// <summary>The sign-in form, fetched and posted; throws unless the person is signed in.</summary>
    public async Task SignInAsync(string password, CancellationToken ct)
    {
        var page = await GetStringAsync(new Uri(instance, "/connexion"), ct);
        var token = AntiforgeryField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("No antiforgery token on /connexion.");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["UserName"] = userName,
                    ["Password"] = password,
                    ["ReturnUrl"] = "/tableau-de-bord",
                    ["__RequestVerificationToken"] = token,
                }
            ),
        };
        using var posted = await SendAsync(post, ct);
        var location = posted.Headers.Location?.OriginalString;
        if (posted.StatusCode != HttpStatusCode.Redirect || location != "/tableau-de-bord")
            throw new InvalidOperationException(
                $"Sign-in of {userName} refused: {(int)posted.StatusCode} to '{location}'."
            );
    }

    private static HttpClient NewClient(Uri instance) =>
        new(
            new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            }
        )
        {
            BaseAddress = instance,
            Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>
    /// Closes this person's page connections, as their browser does once they sit idle (about a minute; the server
    /// keeps one two minutes): an open tab keeps only its circuit's WebSocket, and that is what the memory per circuit
    /// is measured with. The next page request opens a new connection.
    /// </summary>
    public void CloseIdleConnections() => Interlocked.Exchange(ref _http, NewClient(instance)).Dispose();

    /// <summary>A page with this person's cookies; anything but 200 (a redirection to sign in) is an error.</summary>
    public async Task<string> GetStringAsync(Uri page, CancellationToken ct)
    {
        var (status, location, body) = await RequestAsync(page.ToString(), ct);
        return status == HttpStatusCode.OK
            ? body
            : throw new InvalidOperationException($"GET {page.PathAndQuery} as {userName}: {(int)status} {location}");
    }

    /// <summary>A page with this person's cookies, whatever its status (a redirection is not followed).</summary>
    public async Task<(HttpStatusCode Status, string? Location, string Body)> RequestAsync(
        string path,
        CancellationToken ct
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, ct);
        return (
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            await response.Content.ReadAsStringAsync(ct)
        );
    }

    public async Task PostFormAsync(string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        using var response = await SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (CookieHeader is { Length: > 0 } cookies)
            request.Headers.Add("Cookie", cookies);
        var response = await _http.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            lock (_cookies)
                foreach (var pair in setCookies.Select(c => c.Split(';', 2)[0].Split('=', 2)))
                    _cookies[pair[0]] = pair.Length > 1 ? pair[1] : "";
        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(
        "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"|"
            + "<input[^>]*value=\"(?<value>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\""
    )]
    private static partial Regex AntiforgeryField();
}
