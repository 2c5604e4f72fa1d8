using System.Security.Claims;
using Enoe.App.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;

namespace Enoe.App.Hosting;

/// <summary>
/// What a sign-in endpoint's attempts are counted by (endpoint metadata; the password step by default).
/// </summary>
public sealed class SignInStep
{
    /// <summary>A form posting <c>UserName</c>: counted by that identifiant.</summary>
    public static readonly SignInStep Password = new();

    /// <summary>
    /// The second factor: counted by the account in Identity's short-lived second-factor cookie, never by anything
    /// the form says (a <c>UserName</c> added to the form was a fresh allowance for every code tried).
    /// </summary>
    public static readonly SignInStep Code = new();
}

/// <summary>
/// Before the rate limiter, for sign-in posts only: starts the failure floor's clock, reads the form asynchronously
/// (capped, so no body holds a thread or fills memory) and leaves what the attempt is counted by in the request's
/// items, where the limiter's partitioner and the endpoint read it. With Redis, the attempt is first counted across
/// instances (<see cref="SharedSignInCounts"/>).
/// </summary>
public sealed class SignInAttempts(RequestDelegate next, SignInFailureFloor floor)
{
    /// <summary>
    /// A sign-in form is a few hundred bytes (identifiant, password, antiforgery token, return address).
    /// </summary>
    public const int FormBytes = 16 * 1024;

    private const string CountedKey = "Enoe.SignIn.CountedAs",
        IdentifiantKey = "Enoe.SignIn.Identifiant";

    private static readonly FormOptions CappedForm = new()
    {
        BufferBodyLengthLimit = FormBytes,
        MultipartBodyLengthLimit = FormBytes,
        ValueLengthLimit = FormBytes,
        ValueCountLimit = 16,
    };

    /// <summary>"n|…" (an identifiant), "u|…" (an account id) or null: counted per address only.</summary>
    public static string? CountedAs(HttpContext http) => http.Items[CountedKey] as string;

    /// <summary>
    /// The identifiant the form posted, as the limiter counted it and sign-in looks it up ("" if none).
    /// </summary>
    public static string IdentifiantOf(HttpContext http) => http.Items[IdentifiantKey] as string ?? "";

    /// <summary>
    /// The one normalisation of an identifiant, Identity's own: " Claire.Martin " is counted and found as
    /// "CLAIRE.MARTIN".
    /// </summary>
    public static string Normalize(ILookupNormalizer names, string? typed) =>
        names.NormalizeName((typed ?? "").Trim()) ?? "";

    public async Task InvokeAsync(HttpContext http, ILookupNormalizer names, SharedSignInCounts shared)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !SignInThrottling.IsSignIn(http))
        {
            await next(http);
            return;
        }
        floor.Start(http);
        var step = http.GetEndpoint()?.Metadata.GetMetadata<SignInStep>() ?? SignInStep.Password;
        if (step == SignInStep.Code)
            http.Items[CountedKey] = await TwoFactorAccountAsync(http) is { } id ? "u|" + id : null;
        else if (await PostedUserNameAsync(http) is { } typed)
        {
            var identifiant = Normalize(names, typed);
            http.Items[IdentifiantKey] = identifiant;
            http.Items[CountedKey] = identifiant.Length > 0 ? "n|" + identifiant : null;
        }
        else
            return; // refused: the status is set
        var address = ClientAddressKey.Of(http.Connection.RemoteIpAddress);
        if (!await shared.AllowsAsync(address, CountedAs(http), http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests; // over a limit, counted on all instances
            return;
        }
        await next(http);
    }

    private static async Task<string?> TwoFactorAccountAsync(HttpContext http) =>
        (await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal?.FindFirstValue(
            ClaimTypes.Name
        );

    /// <summary>The form's <c>UserName</c> ("" if none); null when the body is refused (too big, malformed).</summary>
    private static async Task<string?> PostedUserNameAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > FormBytes)
            return Refuse(http, StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            max.MaxRequestBodySize = FormBytes; // a body sent without its length stops there too
        if (!request.HasFormContentType)
            return "";
        http.Features.Set<IFormFeature>(new FormFeature(request, CappedForm)); // the endpoint reads the same form
        try
        {
            return (await request.ReadFormAsync(http.RequestAborted))["UserName"].ToString();
        }
        catch (InvalidDataException) // a %00 in a field, too many fields
        {
            return Refuse(http, StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e) // the body went over the cap or stopped coming
        {
            return Refuse(http, e.StatusCode);
        }
    }

    private static string? Refuse(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return null;
    }
}
