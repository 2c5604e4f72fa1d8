using Enoe.Data.Common;
using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// A data test with e-mail on: the <see cref="TwoSchools"/> fixture, ParentA's second child at college-b, addresses for
/// everyone, and an SMTP server of its own (<see cref="TestSmtpServer"/>) the outbox sends to.
/// </summary>
public abstract class MailTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected TwoSchools F { get; private set; } = default!;
    protected TestSmtpServer Smtp { get; private set; } = default!;
    protected Person StudentB { get; private set; } = default!;
    protected SchoolClass ClassB { get; private set; } = default!;
    protected MailJobs Jobs => Database.Get<MailJobs>();
    protected NotificationPreferences Preferences => Database.Get<NotificationPreferences>();

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Database = await TestDatabase.CreateAsync(configure: SendToTestServer);
        F = await TwoSchools.CreateAsync(Database);
        (StudentB, ClassB) = await F.AddAtSchoolBAsync(Database);
        await using var db = Database.NewContext();
        foreach (var person in db.Users)
            person.Email = $"{person.UserName}@famille.test";
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>Mail on, through this test's SMTP server, for an instance's services.</summary>
    protected void SendToTestServer(IServiceCollection services) =>
        services.Configure<MailOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = Smtp.Port;
            o.Tls = MailTls.None;
            o.FromAddress = "ne-pas-repondre@ent.test";
            o.PublicUrl = "https://ent.test/";
        });

    /// <summary>Moves the fake clock on to this Paris time (never back).</summary>
    protected void At(DateTime paris) => Database.Clock.SetUtcNow(SchoolTime.ToUtc(paris));

    protected static string Address(Person p) => $"{p.UserName}@famille.test";

    /// <summary>Notifications as the services write them, visible from <paramref name="visibleParis"/>.</summary>
    protected async Task NotifyAsync(
        Person recipient,
        int schoolId,
        Person? child,
        NotificationKind kind,
        DateTime visibleParis,
        params string[] titles
    ) =>
        await Database
            .Get<NotificationService>()
            .NotifyAsync([
                .. titles.Select(
                    (t, i) =>
                        new NewNotification(
                            recipient.Id,
                            schoolId,
                            child?.Id,
                            kind,
                            t,
                            $"/test/{kind}/{i}",
                            $"test:{kind}:{t}",
                            SchoolTime.ToUtc(visibleParis)
                        )
                ),
            ]);

    protected List<Mime> To(Person p) =>
        [.. Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == Address(p))).Select(m => new Mime(m))];
}

/// <summary>A received message's parts, read once.</summary>
public sealed record Mime(MimeKit.MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";

    public string? Header(string name) => Message.Headers[name];
}
