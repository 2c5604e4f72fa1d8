using System.Runtime.InteropServices;

namespace Enoe.Data.Directory.Ldap;

/// <summary>
/// On Linux, System.DirectoryServices.Protocols binds with OpenLDAP's synchronous <c>ldap_sasl_bind_s</c>, which
/// waits for ever on a server that accepts the connection and never answers: one hung directory would hold a thread
/// per sign-in attempt. libldap's own defaults (<c>LDAP_OPT_TIMEOUT</c> for synchronous calls,
/// <c>LDAP_OPT_NETWORK_TIMEOUT</c> for connecting), set process-wide before a connection is made, bound every call.
/// </summary>
internal static class LibLdapTimeouts
{
    private const int OptTimeout = 0x5002;
    private const int OptNetworkTimeout = 0x5005;
    private static readonly object Gate = new();
    private static TimeSpan _applied;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public nint Seconds;
        public nint Microseconds;
    }

    [DllImport("libldap-2.5.so.0", EntryPoint = "ldap_set_option")]
    private static extern int SetOption(nint ld, int option, ref TimeVal value);

    /// <summary>Makes <paramref name="timeout"/> the limit of every libldap call from now on (Linux only).</summary>
    public static void Apply(TimeSpan timeout)
    {
        if (!OperatingSystem.IsLinux() || timeout <= TimeSpan.Zero)
            return;
        lock (Gate)
        {
            if (_applied == timeout)
                return;
            var value = new TimeVal
            {
                Seconds = (nint)Math.Floor(timeout.TotalSeconds),
                Microseconds = timeout.Milliseconds * 1000 + timeout.Microseconds,
            };
            try
            {
                SetOption(0, OptTimeout, ref value);
                SetOption(0, OptNetworkTimeout, ref value);
                _applied = timeout;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Another libldap than Debian's: the connection's own timeout is all there is.
            }
        }
    }
}
