using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

public sealed partial class NotificationPreferences
{
    public const int AddressMax = 256;

    /// <summary>
    /// A local account corrects its own address (a refused one, or none); a directory account's comes from the
    /// directory, whose next sync would undo it, so it is refused here.
    /// </summary>
    public async Task<Result> SaveMyAddressAsync(CurrentUser user, string address, CancellationToken ct = default)
    {
        address = address.Trim();
        if (
            address.Length is 0 or > AddressMax
            || !MimeKit.MailboxAddress.TryParse(address, out var parsed)
            || parsed.Address != address
            || !address.Contains('@')
        )
            return Result.Invalid([NotificationMessages.Preferences_BadAddress]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.FirstAsync(p => p.Id == user.PersonId, ct);
        if (person.IsDirectoryAccount)
            return Result.Invalid([NotificationMessages.Preferences_DirectoryAddress]);
        person.Email = address;
        person.NormalizedEmail = new UpperInvariantLookupNormalizer().NormalizeEmail(address);
        person.EmailConfirmed = false;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
