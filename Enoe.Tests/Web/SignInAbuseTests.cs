using System.Net;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// The app as deployed: Production, behind the académie's TLS-terminating proxy, with sign-in limits low enough to
/// reach, and a password hasher that counts the checks it makes.
/// </summary>
public sealed class SignInAbuseAppFactory : SasAppFactory
{
    public const int PerAddress = 20;
    public const int PerIdentifiant = 3;
    public CountingPasswordHasher Hasher { get; } = new();

    public SignInAbuseAppFactory()
    {
        Settings["Enoe:LoginAttemptsPerAddressPerMinute"] = PerAddress.ToString();
        Settings["Enoe:LoginAttemptsPerMinute"] = PerIdentifiant.ToString();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<Person>>(Hasher));
    }

    /// <summary>
    /// A client whose requests come from <paramref name="address"/> (straight, or through the proxy).
    /// </summary>
    public HttpClient ClientFrom(string address, bool throughProxy = false)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add(PeerHeader, throughProxy ? Proxy : address);
        if (throughProxy)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Host = "enoe.ac-besancon.example";
        }
        return client;
    }
}

public sealed class CountingPasswordHasher : IPasswordHasher<Person>
{
    private readonly PasswordHasher<Person> _inner = new();
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public string HashPassword(Person user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _checks);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SignInAbuseTests(SignInAbuseAppFactory app) : IClassFixture<SignInAbuseAppFactory>
{
    [Fact]
    public async Task Many_identifiants_from_one_address_are_refused_beyond_its_limit()
    {
        var school = app.ClientFrom("203.0.113.77");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SignInAbuseAppFactory.PerAddress + 5; i++)
            statuses.Add((await school.SignInAsync($"inconnu.{i}", "Mauvais#Passe1")).StatusCode);

        Assert.All(statuses.Take(SignInAbuseAppFactory.PerAddress), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.All(
            statuses.Skip(SignInAbuseAppFactory.PerAddress),
            s => Assert.Equal(HttpStatusCode.TooManyRequests, s)
        );
        // Another address is not held back by this one.
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await app.ClientFrom("203.0.113.78").SignInAsync("lucas.martin")).StatusCode
        );
    }

    [Fact]
    public async Task A_padded_or_capitalised_identifiant_counts_against_the_same_identifiant_from_any_address()
    {
        string[] typed = ["claire.martin", " claire.martin ", "Claire.Martin\t"];
        for (var i = 0; i < typed.Length; i++)
            Assert.Equal(
                HttpStatusCode.Redirect,
                (await app.ClientFrom($"198.18.0.{i + 1}").SignInAsync(typed[i], "Mauvais#Passe1")).StatusCode
            );

        var next = await app.ClientFrom("198.18.0.9").SignInAsync("claire.martin ", "Mauvais#Passe1");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_locked_accounts_hash_a_password_as_a_wrong_password_does()
    {
        var client = app.ClientFrom("198.18.1.1");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var locked = (await users.FindByNameAsync("emma.martin"))!;
            await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(1, await ChecksAsync(() => client.SignInAsync("personne.inconnue", "Mauvais#Passe1")));
        Assert.Equal(1, await ChecksAsync(() => client.SignInAsync("emma.martin", "Mauvais#Passe1")));
        Assert.Equal(1, await ChecksAsync(() => client.SignInAsync("sophie.martin", "Mauvais#Passe1")));
    }

    [Fact]
    public async Task Behind_the_proxy_the_sign_in_cookie_is_secure_and_production_sends_hsts()
    {
        var throughProxy = app.ClientFrom("198.18.2.1", throughProxy: true);
        var page = await throughProxy.GetAsync("/connexion");
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("secure", AuthCookie(await throughProxy.SignInAsync("lucas.martin")));

        // A proxy nobody configured still ends TLS in front: the cookie says Secure all the same.
        Assert.Contains("secure", AuthCookie(await app.ClientFrom("198.18.2.2").SignInAsync("lucas.martin")));
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Enoe.Auth", StringComparison.Ordinal));

    private async Task<int> ChecksAsync(Func<Task<HttpResponseMessage>> signIn)
    {
        var before = app.Hasher.Checks;
        Assert.StartsWith("/connexion?erreur=1", (await signIn()).Headers.Location?.OriginalString);
        return app.Hasher.Checks - before;
    }
}
