using Microsoft.Extensions.Options;

namespace Enoe.App.Account;

/// <summary><c>Enoe:SignIn</c>: how failed sign-ins answer.</summary>
public sealed class SignInFailureOptions
{
    public const string Section = "Enoe:SignIn";

    /// <summary>
    /// No failed sign-in answers sooner than this after its request arrived (0: no floor). Above what any failure
    /// costs: a wrong password on a real account also writes its failure count, a directory account waits for the
    /// directory's bind; an unknown identifiant costs one hash.
    /// </summary>
    public int FailureFloorMs { get; set; } = 400;
}

/// <summary>
/// Every failed sign-in answers at the same moment after its request arrived, whatever it cost: how long a refusal
/// took told real accounts (a database write, a directory bind) from unknown ones. The clock starts in
/// <see cref="Hosting.SignInAttempts"/>, before the form is read.
/// </summary>
public sealed class SignInFailureFloor(TimeProvider clock, IOptions<SignInFailureOptions> options)
{
    private const string StartedKey = "Enoe.SignIn.Started";

    public TimeSpan Floor => TimeSpan.FromMilliseconds(options.Value.FailureFloorMs);

    public void Start(HttpContext http) => http.Items[StartedKey] = clock.GetTimestamp();

    /// <summary>Waits until the floor is reached (at once if it already is, or if the client has gone).</summary>
    public async Task PadAsync(HttpContext http)
    {
        var started = http.Items[StartedKey] as long? ?? clock.GetTimestamp();
        var left = Floor - clock.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
            return;
        try
        {
            await Task.Delay(left, clock, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested) { }
    }
}
