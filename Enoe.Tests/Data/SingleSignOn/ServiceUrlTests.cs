using Enoe.Data.SingleSignOn;

namespace Enoe.Tests.Data.SingleSignOn;

public sealed class ServiceUrlTests
{
    [Theory]
    [InlineData("http://localhost:8090/", "http://localhost:8090/")]
    [InlineData("HTTP://LocalHost:8090", "http://localhost:8090/")]
    [InlineData("http://res.example:80/app", "http://res.example/app")]
    [InlineData("https://res.example:443/app", "https://res.example/app")]
    [InlineData("https://res.example:8443/app", "https://res.example:8443/app")]
    [InlineData("http://res.example/a%2db%7e/c%2fd", "http://res.example/a-b~/c%2Fd")]
    [InlineData("http://res.example/app;jsessionid=0A1B2C?x=1", "http://res.example/app?x=1")]
    [InlineData("http://res.example/app;JSESSIONID=0A1B2C/next", "http://res.example/app/next")]
    [InlineData("http://res.example/app?x=1&amp;y=2", "http://res.example/app?x=1&y=2")]
    [InlineData("http://res.example/élève/?classe=4e A", "http://res.example/%C3%A9l%C3%A8ve/?classe=4e%20A")]
    [InlineData("http://res.example/%c3%a9l%c3%a8ve/", "http://res.example/%C3%A9l%C3%A8ve/")]
    [InlineData("http://res.example/app#section", "http://res.example/app")]
    [InlineData("http://[::1]:8080/app", "http://[::1]:8080/app")]
    [InlineData("http://res.example/a?nom='x'", "http://res.example/a?nom=%27x%27")]
    [InlineData("http://res.example/a?nom=%27x%27", "http://res.example/a?nom=%27x%27")]
    public void SpellingsOfOneAddress_NormaliseTheSame(string url, string expected) =>
        Assert.Equal(expected, ServiceUrl.Normalize(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://res.example/")]
    [InlineData("http://user:secret@res.example/")]
    [InlineData("http://res.example/\r\nSet-Cookie: x=1")]
    [InlineData("http://res.example/app/../evil")]
    [InlineData("https://res.example\\..\\other/app/")]
    [InlineData("https:/res.example/app/")]
    [InlineData("http://res.example/app/%2e%2e/evil")]
    [InlineData("http://res.example/app/./page")]
    [InlineData("http://res.example/app\\..\\evil")]
    public void WhatIsNoServiceUrl_IsRefused(string? url) => Assert.Null(ServiceUrl.Normalize(url));

    [Theory]
    [InlineData("http://res.example/app/page?x=1", true)]
    [InlineData("http://res.example/app/", true)]
    [InlineData("http://res.example/application", false)]
    [InlineData("http://res.example.evil.test/app/", false)]
    [InlineData("https://res.example/app/", false)]
    public void APrefix_MatchesItsPathOnItsHostOnly(string url, bool matches) =>
        Assert.Equal(
            matches,
            ServiceUrl.Matches(ServiceUrl.Normalize(url)!, "http://res.example/app/", ServiceMatch.Prefix)
        );

    [Fact]
    public void APatternWithAWildcard_OrNotEndingItsPath_CannotBeRegistered()
    {
        Assert.NotNull(ServiceUrl.Refusal("https://*.example.test/", ServiceMatch.Prefix));
        Assert.NotNull(ServiceUrl.Refusal("pas une adresse", ServiceMatch.Exact));
        Assert.NotNull(ServiceUrl.Refusal("https://res.example/app", ServiceMatch.Prefix)); // would match /application
        Assert.NotNull(ServiceUrl.Refusal("HTTPS://res.example/app/", ServiceMatch.Prefix)); // not normalised
        Assert.NotNull(ServiceUrl.Refusal("http://res.example/app/", ServiceMatch.Prefix)); // tickets in clear
        Assert.Null(ServiceUrl.Refusal("http://127.0.0.1:8090/app/", ServiceMatch.Prefix)); // this machine
        Assert.Null(ServiceUrl.Refusal("https://res.example/app/", ServiceMatch.Prefix));
    }

    [Theory]
    [InlineData("https://res.example/app/page?x=1", ServiceUrlOptions.None, false)]
    [InlineData("https://res.example/app/page?x=1", ServiceUrlOptions.IgnoreQuery, true)]
    [InlineData("https://res.example/App/Page", ServiceUrlOptions.None, false)]
    [InlineData("https://res.example/App/Page", ServiceUrlOptions.PathCaseInsensitive, true)]
    [InlineData(
        "https://RES.example/App/Page?z",
        ServiceUrlOptions.IgnoreQuery | ServiceUrlOptions.PathCaseInsensitive,
        true
    )]
    // The options loosen the path only: never the host.
    [InlineData(
        "https://res.example.evil/app/page",
        ServiceUrlOptions.IgnoreQuery | ServiceUrlOptions.PathCaseInsensitive,
        false
    )]
    [InlineData("https://other.example/app/page", ServiceUrlOptions.PathCaseInsensitive, false)]
    public void ARegistrationsOptions_LoosenTheExactComparisonOfThePath(
        string url,
        ServiceUrlOptions options,
        bool matches
    ) =>
        Assert.Equal(
            matches,
            ServiceUrl.Matches(ServiceUrl.Normalize(url)!, "https://res.example/app/page", ServiceMatch.Exact, options)
        );
}
