using System.Data.Common;
using Enoe.Data.Notifications;
using Enoe.Data.PublicSite;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// A news article is told to its établissement once, even when two publications reach the notice at the same moment
/// (two editors, two instances): the claim on the article decides, on either database.
/// </summary>
public sealed class ArticleNoticesTests : IAsyncLifetime
{
    private readonly SlowNotices _slow = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_slow));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TwoPublicationsAtOnce_TellEveryoneOnce()
    {
        var articles = _database.Get<ArticleService>();
        var draft = new ArticleDraft
        {
            SchoolId = _f.A.Id,
            Title = "Fête du collège",
            BodyMarkdown = "Samedi.",
            Status = ArticleStatus.Draft,
        };
        var saved = await articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), draft);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        Article article;
        await using (var db = _database.NewContext())
            article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == saved.Value!.Id);
        _slow.Holding = true;

        await Race.AtOnceAsync(
            2,
            async _ =>
            {
                await articles.NotifyPublishedAsync(article, default);
                return true;
            }
        );

        await using var after = _database.NewContext();
        var told = await after
            .Set<Notification>()
            .Where(n => n.Source == $"article:{article.Id}")
            .Select(n => n.RecipientId)
            .ToListAsync();
        Assert.Equal(5, told.Count); // college-a's five members, each once
        Assert.Equal(told.Count, told.Distinct().Count());
        Assert.NotNull((await after.Articles.SingleAsync(a => a.Id == article.Id)).NotifiedAt);
    }

    /// <summary>
    /// Holds each insert of notifications until a second one arrives (or a second passes): two publications that both
    /// decided to notify write at the same time, as on a busy server.
    /// </summary>
    private sealed class SlowNotices : DbCommandInterceptor
    {
        private int _inserts;
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Holding { get; set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken ct = default
        )
        {
            if (Holding && command.CommandText.Contains("INSERT INTO \"Notifications\""))
            {
                if (Interlocked.Increment(ref _inserts) >= 2)
                    _second.TrySetResult();
                await Task.WhenAny(_second.Task, Task.Delay(TimeSpan.FromSeconds(1), ct));
            }
            return result;
        }
    }
}
