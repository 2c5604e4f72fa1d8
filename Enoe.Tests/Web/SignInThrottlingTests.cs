using System.Net;
using Enoe.App.Account;
using Enoe.App.Hosting;
using Enoe.Data.Demo;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>
/// What a sign-in attempt is counted by: found before the limiter, the form read asynchronously and capped; the code
/// step counted by the account in its second-factor cookie, never by the form. Limit per account here: 3.
/// </summary>
public sealed class SignInThrottlingTests(StrictRateLimitAppFactory app) : IClassFixture<StrictRateLimitAppFactory>
{
    [Fact]
    public async Task TheCodeStep_IsCountedByTheAccountInItsCookie_WhateverUserNameTheFormAdds()
    {
        var client = app.NewClient();
        var password = await client.PostFormAsync(
            "/connexion",
            "/compte/connexion",
            new() { ["UserName"] = "admin.pasteur-dole", ["Password"] = DemoSeeder.Password }
        );
        var codePage = password.Headers.Location!.PathAndQueryOrOriginal();
        Assert.StartsWith(TwoFactorEndpoints.CodePage, codePage);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add(
                (
                    await client.PostFormAsync(
                        codePage,
                        "/compte/connexion/code",
                        new() { ["Code"] = "PAS-UN-CODE", ["UserName"] = $"quelqu.un.{i}" }
                    )
                ).StatusCode
            );

        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests],
            statuses
        );
    }

    [Fact]
    public async Task ACodeWithoutTheSecondFactorCookie_IsCountedPerAddressOnly()
    {
        // Two attempts a minute per account, four per address: past the first, under the second, then refused.
        await using var limited = new EnoeAppFactory();
        limited.Settings["Enoe:LoginAttemptsPerMinute"] = "2";
        limited.Settings["Enoe:LoginAttemptsPerAddressPerMinute"] = "4";
        var client = limited.NewClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            answers.Add(
                await client.PostFormAsync(
                    "/connexion",
                    "/compte/connexion/code",
                    new() { ["Code"] = "1", ["UserName"] = "claire.martin" }
                )
            );

        Assert.All(answers.Take(4), a => Assert.StartsWith("/connexion?erreur=1", a.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[4].StatusCode);
    }

    [Fact]
    public async Task ASignInBody_OverTheCap_IsRefusedUnread()
    {
        var response = await app.NewClient()
            .PostAsync(
                "/compte/connexion",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["UserName"] = "claire.martin",
                        ["Password"] = new string('x', SignInAttempts.FormBytes),
                    }
                )
            );

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TheForm_IsReadAsynchronously_AndTheIdentifiantNormalisedAsIdentityFindsIt()
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Body = new AsyncOnlyStream("UserName=+Claire.Martin%09&Password=x"u8.ToArray());
        var signIn = new EndpointMetadataCollection(new EnableRateLimitingAttribute(IdentityHosting.LoginRateLimit));
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, signIn, "sign-in"));
        var floor = new SignInFailureFloor(TimeProvider.System, Options.Create(new SignInFailureOptions()));
        var reached = false;
        var attempts = new SignInAttempts(
            _ =>
            {
                reached = true;
                return Task.CompletedTask;
            },
            floor
        );

        var noRedis = new SharedSignInCounts(
            new SignInLimits(10, 300),
            new ConfigurationBuilder().Build(),
            NullLogger<SharedSignInCounts>.Instance
        );

        await attempts.InvokeAsync(http, new UpperInvariantLookupNormalizer(), noRedis);

        Assert.True(reached);
        Assert.Equal("CLAIRE.MARTIN", SignInAttempts.IdentifiantOf(http));
        // What the limiter's partitioner reads: the body is not touched again.
        http.Request.Body = new AsyncOnlyStream([]);
        Assert.Equal("n|CLAIRE.MARTIN", SignInAttempts.CountedAs(http));
    }

    /// <summary>A request body that can only be read asynchronously, as a slow client's must be.</summary>
    private sealed class AsyncOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _content = new(content);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            new(_content.Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            Task.FromResult(_content.Read(buffer, offset, count));

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("read synchronously");

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
