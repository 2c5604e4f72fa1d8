using System.Net;
using System.Text.RegularExpressions;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// One app for the two-factor tests: they enrol, lock and reset demo people the other tests sign in as.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TwoFactorApp : ICollectionFixture<EnoeAppFactory>
{
    public const string Name = "Two-factor app";
}

public static partial class TwoFactorSteps
{
    public const string Page = "/compte/double-authentification";

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodePattern();

    /// <summary>The key the enrolment page shows, as a person would copy it into their app.</summary>
    public static async Task<string> KeyShownAsync(this HttpClient client) =>
        KeyPattern().Match(await client.GetPageAsync(Page)).Groups[1].Value;

    public static async Task<string> ConfirmAsync(this HttpClient client, string code) =>
        await (
            await client.PostFormAsync(Page, Page, new() { ["_handler"] = "confirm", ["Code"] = code })
        ).ReadPageAsync();

    /// <summary>Posts one of the enrolment page's forms that ask for a current code (regenerate, disable).</summary>
    public static async Task<string> PostCodeAsync(this HttpClient client, string form, string code) =>
        await (await client.PostFormAsync(Page, Page, new() { ["_handler"] = form, ["Code"] = code })).ReadPageAsync();

    public static IReadOnlyList<string> RecoveryCodes(string page) =>
        [.. CodePattern().Matches(page).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// Signs in with the password, enrols with the key shown; returns the key and the recovery codes.
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAsync(this HttpClient client, string who)
    {
        await client.SignInAsync(who);
        var key = await client.KeyShownAsync();
        var codes = RecoveryCodes(await client.ConfirmAsync(TwoFactorCodes.Now(key)));
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Password, then the code page's form: the answer's redirect.</summary>
    public static async Task<string> SignInWithAsync(this EnoeAppFactory app, string who, string code)
    {
        var client = app.NewClient();
        var first = await client.PostFormAsync(
            "/connexion",
            "/compte/connexion",
            new() { ["UserName"] = who, ["Password"] = Enoe.Data.Demo.DemoSeeder.Password }
        );
        Assert.StartsWith("/connexion/code", first.Headers.Location!.PathAndQueryOrOriginal());
        var second = await client.SignInWithCodeAsync(code);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return second.Headers.Location!.PathAndQueryOrOriginal();
    }

    /// <summary>A demo person who matches, read from the app's database.</summary>
    public static async Task<string> UserNameAsync(
        this EnoeAppFactory app,
        System.Linq.Expressions.Expression<Func<Membership, bool>> which,
        int skip = 0
    )
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        return await db
            .Memberships.Where(which)
            .OrderBy(m => m.PersonId)
            .Select(m => m.Person!.UserName!)
            .Skip(skip)
            .FirstAsync();
    }

    public static async Task<T> WithUsersAsync<T>(this EnoeAppFactory app, Func<UserManager<Person>, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<Person>>());
    }

    public static Task<Person> PersonAsync(this EnoeAppFactory app, string userName) =>
        app.WithUsersAsync(async users => (await users.FindByNameAsync(userName))!);
}
