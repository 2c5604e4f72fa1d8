using OtpNet;

namespace Enoe.Tests.Support;

/// <summary>
/// What an authenticator app would show: the current code for a base32 key (Otp.NET, not ENOE's code).
/// </summary>
public static class TwoFactorCodes
{
    /// <summary>The key the demo's admins and direction are enrolled with (the README gives it).</summary>
    public const string DemoKey = Enoe.Data.People.TwoFactorDemo.Key;

    public static string Now(string key = DemoKey) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp(DateTime.UtcNow);

    /// <summary>
    /// A code of another 30-second window than now (-3: a minute and a half ago, out of Identity's reach).
    /// </summary>
    public static string At(string key, int steps) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));
}
