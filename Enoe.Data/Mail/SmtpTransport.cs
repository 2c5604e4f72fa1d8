using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Enoe.Data.Mail;

/// <summary>
/// One connection to the configured SMTP server (MailKit) for a batch of messages, and what each refusal means: a
/// permanent refusal of the recipient or the message (5xx on RCPT or DATA) is the address's fault and is never tried
/// again; anything else (server down, 4xx, our sender refused) passes, and is tried again later.
/// </summary>
public sealed class SmtpTransport(MailOptions options) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = 30_000 };

    public async Task ConnectAsync(CancellationToken ct)
    {
        var tls = options.Tls switch
        {
            MailTls.None => SecureSocketOptions.None,
            MailTls.StartTls => SecureSocketOptions.StartTls,
            MailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await _client.ConnectAsync(options.Host!, options.Port, tls, ct);
        if (!string.IsNullOrEmpty(options.User))
            await _client.AuthenticateAsync(options.User, options.Password ?? "", ct);
    }

    /// <summary>Sends one message; null when the server took it, else why it did not.</summary>
    public async Task<SendFailure?> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await _client.SendAsync(Mime(message), ct);
            return null;
        }
        catch (ParseException e) // an address no server could take
        {
            return new(e.Message, Permanent: true, Broken: false);
        }
        catch (SmtpCommandException e)
        {
            var permanent =
                (int)e.StatusCode >= 500
                && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
            return new($"{(int)e.StatusCode} {e.Message}", permanent, Broken: false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new(e.Message, Permanent: false, Broken: !_client.IsConnected);
        }
    }

    private MimeMessage Mime(OutboxMessage m)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(m.To));
        mime.Subject = m.Subject;
        // The row's id: a message sent again after a crash between sending and noting it is recognisably the same.
        mime.MessageId = $"outbox-{m.Id}.{m.CreatedAt.Ticks}@{options.Host}";
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (m.UnsubscribeUrl is { } url)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{url}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.Body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody }.ToMessageBody();
        return mime;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or ServiceNotConnectedException or SmtpProtocolException) { }
        }
        _client.Dispose();
    }
}

/// <summary>
/// Why a message did not go: permanent (the address), or passing; broken: the connection is gone too.
/// </summary>
public sealed record SendFailure(string Error, bool Permanent, bool Broken);
