using Enoe.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// Order 990: the demo's admins and direction have their second factor on, all with the one key the README gives
/// (any authenticator app turns it into the current code), so the README's sign-ins go through the real second step
/// rather than around it. Teachers are left to enrol themselves.
/// </summary>
public sealed class TwoFactorDemo : IDemoStep
{
    /// <summary>The demo's authenticator key (base32), printed in the README: never a real account's.</summary>
    public const string Key = "ENOEDEMOENOEDEMOENOEDEMOENOEDEMO";

    public int Order => 990;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var required = demo.Db.Users.Where(TwoFactorRules.Required);
        var ids = await required.Select(p => p.Id).ToListAsync(ct);
        await required.ExecuteUpdateAsync(s => s.SetProperty(p => p.TwoFactorEnabled, true), ct);
        await DemoBulk.InsertAsync(
            demo.Db,
            ids.Select(id => new IdentityUserToken<int>
            {
                UserId = id,
                LoginProvider = TwoFactorAccount.Store,
                Name = "AuthenticatorKey",
                Value = Key,
            }),
            ct
        );
    }
}
