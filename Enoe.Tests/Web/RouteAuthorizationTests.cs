using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Enoe.Tests.Web;

/// <summary>Every routable page of the app requires sign-in, except the ones meant for the public.</summary>
[Collection(SharedApp.Name)]
public sealed partial class RouteAuthorizationTests(EnoeAppFactory app)
{
    private static readonly Assembly[] UiAssemblies =
    [
        typeof(Program).Assembly,
        typeof(Enoe.Widgets.Resources.SharedResource).Assembly,
    ];

    private static readonly string[] ExpectedPublicRoutes =
    [
        "/",
        "/{Slug}",
        "/{Slug}/{Section}/{ArticleSlug}",
        "/connexion",
        "/connexion/code", // the second step of signing in (only after the password, Identity's 5-minute cookie)
        "/connexion/relier", // linking an external identity at first sign-in (password proved once)
        "/erreur",
        "/not-found",
    ];

    public static TheoryData<string, bool> Routes()
    {
        var data = new TheoryData<string, bool>();
        foreach (
            var type in UiAssemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(IComponent).IsAssignableFrom(t))
        )
        foreach (var route in type.GetCustomAttributes<RouteAttribute>())
            data.Add(route.Template, type.GetCustomAttribute<AllowAnonymousAttribute>() is not null);
        return data;
    }

    [Fact]
    public void PublicRoutes_AreExactlyTheExpectedOnes()
    {
        var anonymous = Routes().Where(r => (bool)r[1]).Select(r => (string)r[0]).Order();
        Assert.Equal(ExpectedPublicRoutes.Order(), anonymous);
        Assert.True(Routes().Count() >= 10, "the route scan found too few pages");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnonymousRequest_IsRedirectedToSignIn_UnlessThePageIsPublic(string template, bool isPublic)
    {
        var path = ParameterPattern()
            .Replace(
                template,
                m =>
                    m.Groups[1].Value switch
                    {
                        "Slug" => "college-victor-hugo",
                        "Section" => "actualites",
                        "ArticleSlug" => "rentree-des-classes",
                        var other => "1",
                    }
            );
        var response = await app.NewClient().GetAsync(path);
        if (isPublic)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQueryOrOriginal());
        }
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();
}
