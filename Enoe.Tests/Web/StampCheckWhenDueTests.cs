using System.Net;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Web;

/// <summary>The app with a clock for the security stamp's check, and a count of the validators it builds.</summary>
public sealed class CountedStampValidatorAppFactory : EnoeAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public int ValidatorsBuilt => _built;
    private int _built;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
            s.AddScoped<ISecurityStampValidator>(sp =>
            {
                Interlocked.Increment(ref _built);
                return ActivatorUtilities.CreateInstance<SecurityStampValidator<Person>>(sp);
            });
        });
    }
}

/// <summary>
/// Identity's stamp validator comes with a SignInManager, a UserManager and its store in the request's scope; a live
/// tab's connection is one request as long as the tab. It is built only when the check is due (once a minute).
/// </summary>
public sealed class StampCheckWhenDueTests(CountedStampValidatorAppFactory app)
    : IClassFixture<CountedStampValidatorAppFactory>
{
    [Fact]
    public async Task TheStampsValidator_IsBuiltOnlyOnceTheCheckIsDue()
    {
        var student = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await student.SignInAsync("lucas.martin")).StatusCode);
        var before = app.ValidatorsBuilt;

        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/memos")).StatusCode);
        Assert.Equal(before, app.ValidatorsBuilt); // a cookie issued seconds ago: nothing to check yet

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.Equal(before + 1, app.ValidatorsBuilt); // due: checked (and the cookie renewed, still signed in)
    }
}
