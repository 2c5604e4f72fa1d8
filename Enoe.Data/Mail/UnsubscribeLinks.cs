using System.Globalization;
using System.Security.Cryptography;
using Enoe.Data.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Mail;

/// <summary>
/// One-click unsubscribe links (RFC 8058): the person and the categories, signed and dated with the app's key ring
/// (Data Protection, shared between instances), so the link works without signing in and cannot be changed to another
/// person or category. They stay valid for <see cref="Lifetime"/>, long enough for an old digest read late; the expiry
/// is inside the signed text and read on ENOE's clock.
/// </summary>
public sealed class UnsubscribeLinks(
    IDataProtectionProvider protection,
    IOptions<MailOptions> options,
    TimeProvider clock
)
{
    public const string Path = "/desabonnement";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _protector = protection.CreateProtector("Enoe.Mail.Unsubscribe.v1");

    public string Url(int personId, IEnumerable<NotificationCategory> categories) =>
        options.Value.Link($"{Path}?t={Uri.EscapeDataString(Token(personId, categories))}");

    public string Token(int personId, IEnumerable<NotificationCategory> categories) =>
        _protector.Protect(
            string.Join(
                ':',
                personId.ToString(CultureInfo.InvariantCulture),
                string.Join(',', categories.Distinct().Select(c => (int)c)),
                (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            )
        );

    /// <summary>What a token asks, or null when it was altered, signed by another key ring, or is too old.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        try
        {
            var parts = _protector.Unprotect(token).Split(':');
            var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture));
            if (expires < clock.GetUtcNow())
                return null;
            var person = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var categories = parts[1]
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => (NotificationCategory)int.Parse(c, CultureInfo.InvariantCulture))
                .Where(Enum.IsDefined)
                .ToList();
            return categories.Count == 0 ? null : new(person, categories);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
