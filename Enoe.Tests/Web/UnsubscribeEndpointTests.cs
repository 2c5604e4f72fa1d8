using System.Net;
using Enoe.Data;
using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// The one-click unsubscribe link works without signing in: GET asks, POST does it (a mail client's RFC 8058 post, or
/// the page's button); an altered link changes nothing.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class UnsubscribeEndpointTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheLink_AsksThenUnsubscribes_WithoutSigningIn_AndATamperedOneIsRefused()
    {
        int sophie;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            sophie = await db.Users.Where(u => u.UserName == "sophie.martin").Select(u => u.Id).SingleAsync();
        }
        var token = app.Services.GetRequiredService<UnsubscribeLinks>().Token(sophie, [NotificationCategory.Marks]);
        var url = $"{UnsubscribeLinks.Path}?t={Uri.EscapeDataString(token)}";
        var client = app.NewClient();

        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Notes et compétences", html);
        Assert.Contains("Me désabonner", html);
        Assert.Equal(MailFrequency.Daily, await MarksAsync(sophie)); // asking changes nothing

        var tampered = await client.PostAsync(
            $"{UnsubscribeLinks.Path}?t={Uri.EscapeDataString(token[..^3] + "xyz")}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])
        );
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(MailFrequency.Daily, await MarksAsync(sophie));

        // What a mail client posts (RFC 8058): the link's address, this body, no cookie, no antiforgery token.
        var done = await client.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(MailFrequency.Never, await MarksAsync(sophie));
    }

    private async Task<MailFrequency> MarksAsync(int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var own = await db.Set<NotificationPreference>()
            .Where(p => p.PersonId == personId && p.Category == NotificationCategory.Marks)
            .Select(p => (MailFrequency?)p.Frequency)
            .FirstOrDefaultAsync();
        return own ?? MailFrequency.Daily; // a parent's built-in default
    }
}
