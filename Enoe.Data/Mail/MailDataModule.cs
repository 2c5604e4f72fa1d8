using Enoe.Data.Modules;
using Enoe.Data.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Mail;

/// <summary>
/// E-mail: preferences, the outbox and its sender, digests and one-click unsubscribe. Every établissement has it; the
/// deployment switches it on by configuring an SMTP server (<see cref="MailOptions"/>).
/// </summary>
public sealed class MailDataModule : DataModule
{
    public override void AddServices(IServiceCollection services)
    {
        services.AddOptions<MailOptions>();
        // The host configures the key ring (shared through Redis between instances); alone, the default one.
        services.AddDataProtection();
        services
            .AddSingleton<NotificationPreferences>()
            .AddSingleton<UnsubscribeLinks>()
            .AddSingleton(sp => new DigestComposer(
                sp.GetRequiredService<IOptions<MailOptions>>().Value,
                sp.GetRequiredService<UnsubscribeLinks>()
            ))
            .AddSingleton<DigestBuilder>()
            .AddSingleton<OutboxDelivery>()
            .AddSingleton<MailJobs>();
    }
}
