using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enoe.Tests.Support;

/// <summary>
/// A browser's cookies kept by hand, so a test can copy them as someone who stole them would and replay the copy
/// after the browser signed out.
/// </summary>
public sealed partial class CookieJar
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies;

    private CookieJar(HttpClient client, Dictionary<string, string> cookies) => (_client, _cookies) = (client, cookies);

    public static CookieJar For(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), []);

    public CookieJar Copy() => new(_client, new(_cookies));

    /// <summary>The same cookies sent to another instance of the app (the proxy moved the browser there).</summary>
    public CookieJar On(WebApplicationFactory<Program> other) =>
        new(other.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), new(_cookies));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = header.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                _cookies.Remove(name);
            else
                _cookies[name] = value;
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> TokenAsync(string page = "/connexion")
    {
        var html = await (await GetAsync(page)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostAsync(string action, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return SendAsync(
            new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) }
        );
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName)
    {
        var token = await TokenAsync();
        return await PostAsync(
            "/compte/connexion",
            token,
            new() { ["UserName"] = userName, ["Password"] = Enoe.Data.Demo.DemoSeeder.Password }
        );
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
